import { chmod, lstat, mkdir } from 'node:fs/promises';
import type { Stats } from 'node:fs';

// Only node:fs here: the control client, which runs on the credential_process hot path, imports this file.

export type FolderProblemReason = 'missing' | 'symlink' | 'not-a-folder' | 'foreign-owner' | 'unwritable';

export interface FolderProblem {
  reason: FolderProblemReason;
  message: string;
}

/**
 * Checks that `dir` is a real folder (not a symlink, never followed) owned by this user. Locks and the
 * daemon socket live only in such a folder: one another user can write to, or a link someone could
 * point elsewhere, would let them fake a lock holder or stand in for the daemon.
 */
export async function checkPrivateDir(dir: string): Promise<FolderProblem | null> {
  let info: Stats;
  try {
    info = await lstat(dir);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return { reason: 'missing', message: `${dir} does not exist` };
    return { reason: 'unwritable', message: `cannot inspect ${dir} (${code})` };
  }
  return judge(dir, info);
}

/** Like checkPrivateDir, but creates the folder (mode 0700) when missing and tightens a looser mode. */
export async function ensurePrivateDir(dir: string): Promise<FolderProblem | null> {
  const problem = await checkPrivateDir(dir);
  if (problem?.reason === 'missing') {
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 });
    } catch (error) {
      return { reason: 'unwritable', message: `cannot create ${dir} (${errorCode(error)})` };
    }
    return checkPrivateDir(dir);
  }
  if (problem) return problem;
  if (process.platform !== 'win32') {
    const info = await lstat(dir);
    if ((info.mode & 0o077) !== 0) {
      try {
        await chmod(dir, 0o700);
      } catch (error) {
        return { reason: 'unwritable', message: `cannot make ${dir} private (${errorCode(error)})` };
      }
    }
  }
  return null;
}

function judge(dir: string, info: Stats): FolderProblem | null {
  if (info.isSymbolicLink())
    return { reason: 'symlink', message: `${dir} is a symbolic link; refusing to use it` };
  if (!info.isDirectory()) return { reason: 'not-a-folder', message: `${dir} is not a folder` };
  if (!ownedByMe(info)) {
    return {
      reason: 'foreign-owner',
      message: `${dir} belongs to uid ${info.uid}, not to this user; refusing to use it`,
    };
  }
  return null;
}

/** Windows has no uids; there the folder's ACL (inherited from the user profile) is what protects it. */
export function ownedByMe(info: Stats): boolean {
  return typeof process.getuid !== 'function' || info.uid === process.getuid();
}

export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? 'unknown error';
}
