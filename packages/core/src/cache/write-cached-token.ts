import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { mkdir, open, readFile, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CacheFileError } from '../errors';
import { removeStaleTempFiles } from '../state/remove-stale-temp-files';
import { type CachedToken, formatCachedToken } from './cached-token';
import { TEMP_SUFFIX } from './temp-file-name';

export { TEMP_SUFFIX } from './temp-file-name';

export type WriteOutcome = { written: true } | { written: false; reason: 'changed' };

/** A temp file opened beside the cache file, ready to receive a token. */
export interface PendingWrite {
  commit(token: CachedToken, expected: string | null): Promise<WriteOutcome>;
  abort(): Promise<void>;
}

const PERMANENT = ['EACCES', 'EPERM', 'EROFS', 'EISDIR', 'ENOTDIR'];

/** The temp files this process has open, so a process that must exit at once can remove them first. */
const openTemps = new Set<string>();

/**
 * Removes this process's open temp files, synchronously: for a second Ctrl-C, which exits right after.
 * A write cut off there leaves the cache file as it was, never a stray 16 KB temp file beside it.
 */
export function removeOpenTempFilesSync(): void {
  for (const temp of openTemps) {
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed into place or removed.
    }
  }
  openTemps.clear();
}

/** Room taken in the temp file at open; a token file is 1-2 KB, and a bigger one only extends it. */
const RESERVED_BYTES = 16 * 1024;

function writeError(file: string, error: unknown): CacheFileError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  return new CacheFileError(
    file,
    `cannot be written (${code}); the old token is left as it was`,
    !PERMANENT.includes(code),
    {
      cause: error,
    },
  );
}

async function currentContent(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Opens the temp file (0600, folder 0700 when we create it) and takes room in it before anything is spent:
 * a refresh may rotate the refresh token, so we must know we can write (a read-only folder, a full disk)
 * before we ask for a new one.
 */
export async function openCacheWrite(file: string): Promise<PendingWrite> {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
  let handle: FileHandle | null = null;
  const release = async () => {
    await handle?.close().catch(() => {});
    handle = null;
    await unlink(temp).catch(() => {});
    openTemps.delete(temp);
  };
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    // Whoever writes to the folder next clears what a crashed (or twice interrupted) writer left.
    await removeStaleTempFiles(dir).catch(() => undefined);
    openTemps.add(temp);
    handle = await open(temp, 'wx', 0o600);
    await handle.write(Buffer.alloc(RESERVED_BYTES, 0x20), 0, RESERVED_BYTES, 0);
  } catch (error) {
    await release();
    throw writeError(file, error);
  }
  return {
    abort: release,
    // Just before the rename the file is read again: if it no longer holds what we refreshed from
    // (an `aws sso login`, the AWS CLI's own refresh), the newer token wins and we write nothing.
    async commit(token, expected) {
      try {
        // Over the reserved room, then cut to length: no new space is needed for a token that fits.
        const body = Buffer.from(formatCachedToken(token), 'utf8');
        await handle!.write(body, 0, body.length, 0);
        await handle!.truncate(body.length);
        await handle!.sync();
        await handle!.close();
        handle = null;
        if ((await currentContent(file)) !== expected) {
          await release();
          return { written: false, reason: 'changed' };
        }
        await rename(temp, file);
        openTemps.delete(temp);
      } catch (error) {
        await release();
        throw writeError(file, error);
      }
      await syncDirectory(dir);
      return { written: true };
    },
  };
}

/** Makes the rename itself durable; some file systems refuse to open a directory, which is harmless. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => {});
  await handle.close();
}

/** One-shot write, for callers with nothing to spend in between (login, tests). */
export async function writeCachedToken(
  file: string,
  token: CachedToken,
  expected: string | null,
): Promise<WriteOutcome> {
  return (await openCacheWrite(file)).commit(token, expected);
}
