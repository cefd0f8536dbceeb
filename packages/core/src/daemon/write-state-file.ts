import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_SUFFIX } from '../cache/write-cached-token';
import { STATE_FILE_NAME, stateFileSchema, type StateFile } from './state-file';

/**
 * Replaces the state file whole: a temp file (0600) written and fsynced, then renamed over it, so a reader
 * or a crash never meets half a file. Parsing first drops any key the schema does not list.
 */
export async function writeStateFile(stateDir: string, state: StateFile): Promise<void> {
  const clean = stateFileSchema.parse(state);
  await mkdir(stateDir, { recursive: true, mode: 0o700 });
  const file = join(stateDir, STATE_FILE_NAME);
  // Named like the cache's temp files, so the next daemon's removeStaleTempFiles clears one a crash left.
  const temp = join(
    stateDir,
    `.${STATE_FILE_NAME}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`,
  );
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(clean, null, 2)}\n`, 'utf8');
    await handle.sync();
    await handle.close();
    await rename(temp, file);
  } catch (error) {
    await handle.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw error;
  }
}
