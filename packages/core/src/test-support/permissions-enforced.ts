import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Whether mode bits stop this process. They do not for root (CAP_DAC_OVERRIDE), and tests may run
 * as root, so a test that needs a refusal asks first and picks another way to cause one.
 */
export async function permissionsEnforced(scratchDir: string): Promise<boolean> {
  const probe = join(scratchDir, '.permission-probe');
  await mkdir(probe, { mode: 0o500 });
  try {
    await writeFile(join(probe, 'x'), '');
    return false;
  } catch {
    return true;
  } finally {
    await chmod(probe, 0o700);
    await rm(probe, { recursive: true, force: true });
  }
}
