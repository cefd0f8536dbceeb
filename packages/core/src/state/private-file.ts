import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { TEMP_SUFFIX } from '../cache/temp-file-name';

/**
 * Replaces `dir/name` with `text` in one rename: a reader sees the old file or the new one, never half of
 * either. The file is 0600 and its folder 0700, since state files name sessions and profiles. The temp file
 * is named like the cache's (pid and suffix), so the next daemon's removeStaleTempFiles clears one a crash
 * left. `sync` for files whose loss after a power cut matters (the state, the outbox).
 */
export async function replacePrivateFile(
  dir: string,
  name: string,
  text: string,
  opts: { sync: boolean },
): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    if (opts.sync) await handle.sync();
    await handle.close();
    await rename(temp, join(dir, name));
  } catch (error) {
    await handle.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw error;
  }
}
