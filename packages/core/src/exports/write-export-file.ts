import { randomBytes } from 'node:crypto';
import { open, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { TEMP_SUFFIX } from '../cache/temp-file-name';
import type { MergeOutcome } from './text-lines';

/**
 * What became of one write. `refused`: the file is not ours to change as it stands (a person must look);
 * `failed`: it could not be read or written (permissions, a missing folder). Neither touched the file.
 */
export type ExportWrite =
  { status: 'written' | 'unchanged' } | { status: 'refused' | 'failed'; problem: string };

/** Another writer changed the file between our read and our rename this many times in a row: give up for now. */
const ATTEMPTS = 3;

const REASONS: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
};

function failed(action: string, error: unknown): ExportWrite {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  return { status: 'failed', problem: `cannot ${action} it (${REASONS[code] ?? code})` };
}

type Current = { text: string | null } | { refused: string };

async function readCurrent(file: string): Promise<Current> {
  let bytes: Buffer;
  try {
    if (!(await stat(file)).isFile()) return { refused: 'it is not a regular file' };
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { text: null };
    throw error;
  }
  const text = bytes.toString('utf8');
  // Decoding anything but UTF-8 text and writing it back would change bytes we promised to keep.
  if (bytes.includes(0) || !Buffer.from(text, 'utf8').equals(bytes))
    return { refused: 'it is not UTF-8 text' };
  return { text };
}

const same = (a: Current, b: Current) => 'text' in a && 'text' in b && a.text === b.text;

/** Makes the rename itself durable; some file systems refuse to open a directory, which is harmless. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => null);
  await handle?.sync().catch(() => {});
  await handle?.close();
}

/**
 * Rewrites `file` with `merge(current text)`, atomically: a temp file (0600) beside it, fsync, rename. Just
 * before the rename the file is read again, and if someone changed it meanwhile the merge is redone on what
 * they wrote, so their edit is never lost. A symlink is followed: the file it points at is replaced.
 */
export async function writeExportFile(
  file: string,
  merge: (current: string | null) => MergeOutcome,
): Promise<ExportWrite> {
  const target = await realpath(file).catch(() => file);
  const dir = dirname(target);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    let current: Current;
    try {
      current = await readCurrent(target);
    } catch (error) {
      return failed('read', error);
    }
    if ('refused' in current) return { status: 'refused', problem: current.refused };
    const merged = merge(current.text);
    if (!merged.ok) return { status: 'refused', problem: merged.problem };
    if (merged.text === current.text) return { status: 'unchanged' };
    const temp = join(
      dir,
      `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`,
    );
    try {
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(merged.text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      if (!same(await readCurrent(target), current)) {
        await unlink(temp);
        continue;
      }
      await rename(temp, target);
    } catch (error) {
      await unlink(temp).catch(() => {});
      return failed('write', error);
    }
    await syncDirectory(dir);
    return { status: 'written' };
  }
  return {
    status: 'failed',
    problem: `it kept changing while we wrote it (${ATTEMPTS} times); will try again`,
  };
}
