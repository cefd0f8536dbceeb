import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_SUFFIX } from '../cache/temp-file-name';
import { isProcessAlive } from './lock-file';

const MAX_AGE_MS = 10 * 60 * 1000;
// `.<file>.<pid>.<hex>.sso-supervisor.tmp`, as openCacheWrite names them.
const PID_IN_NAME = new RegExp(`\\.(\\d+)\\.[0-9a-f]+${TEMP_SUFFIX.replace(/\./g, '\\.')}$`);

/**
 * Deletes temp files a crashed writer left in the cache dir. One is left alone while the process that made
 * it lives and it is young: a refresh in another process (a second CLI, `login`) may be about to rename it
 * into place. Returns the paths removed.
 */
export async function removeStaleTempFiles(cacheDir: string, now: Date = new Date()): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(cacheDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names.filter((n) => n.endsWith(TEMP_SUFFIX))) {
    const file = join(cacheDir, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) continue;
    const pid = PID_IN_NAME.exec(name)?.[1];
    const orphaned = pid === undefined || !isProcessAlive(Number(pid));
    if (orphaned || now.getTime() - info.mtimeMs > MAX_AGE_MS) {
      await unlink(file).then(
        () => removed.push(file),
        () => undefined,
      );
    }
  }
  return removed;
}
