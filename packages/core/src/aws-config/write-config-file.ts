import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import {
  access,
  copyFile,
  chmod,
  lstat,
  open,
  readFile,
  realpath,
  rename,
  stat,
  unlink,
} from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ConfigWriteRefused } from '../errors';

export interface ConfigWriteResult {
  /** The backup of the file as it was, beside the path given. */
  backup: string;
  /** The file actually replaced: the symlink's target when `file` is a symlink. */
  written: string;
}

const stamp = (now: Date) =>
  now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');

async function backupName(file: string, now: Date): Promise<string> {
  const base = `${file}.bak-${stamp(now)}`;
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? base : `${base}-${n}`;
    try {
      await lstat(name);
    } catch {
      return name;
    }
  }
}

/**
 * Replaces an AWS config the careful way: the content must still be what the rewrite was computed from; a
 * backup (`config.bak-<UTC timestamp>`, same mode) is written first; the new text goes to a temp file
 * beside the real file, is fsynced, gets the old mode and is renamed over it. A symlinked config (a
 * dotfiles repo) is written through: its target is replaced and the link stays. A read-only config is
 * refused: a rename could replace it, but the mode says its owner does not want it changed.
 */
export async function writeConfigFile(
  file: string,
  text: string,
  expected: string,
  now = new Date(),
): Promise<ConfigWriteResult> {
  let target: string;
  try {
    target = (await lstat(file)).isSymbolicLink() ? await realpath(file) : file;
  } catch (error) {
    throw new ConfigWriteRefused(
      `${file} cannot be read (${(error as NodeJS.ErrnoException).code}); nothing was changed`,
      { cause: error },
    );
  }
  const info = await stat(target);
  if (!info.isFile()) throw new ConfigWriteRefused(`${target} is not a regular file; nothing was changed`);
  const mode = info.mode & 0o7777;
  const writable =
    (mode & 0o200) !== 0 &&
    (await access(target, constants.W_OK).then(
      () => true,
      () => false,
    ));
  if (!writable) {
    throw new ConfigWriteRefused(
      `${target} is read-only (mode ${mode.toString(8).padStart(4, '0')}); make it writable (chmod u+w) to migrate, or apply the diff by hand; nothing was changed`,
    );
  }
  if ((await readFile(target, 'utf8')) !== expected) {
    throw new ConfigWriteRefused(
      `${file} changed since it was read; run the command again; nothing was changed`,
    );
  }
  const backup = await backupName(file, now);
  try {
    await copyFile(target, backup, constants.COPYFILE_EXCL);
    await chmod(backup, mode);
  } catch (error) {
    throw new ConfigWriteRefused(
      `cannot write the backup ${backup} (${(error as NodeJS.ErrnoException).code}); nothing was changed`,
      { cause: error },
    );
  }
  const temp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw new ConfigWriteRefused(
      `cannot replace ${target} (${(error as NodeJS.ErrnoException).code}); it is unchanged, the backup is ${backup}`,
      { cause: error },
    );
  }
  return { backup, written: target };
}
