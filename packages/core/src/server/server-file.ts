import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const SERVER_FILE = 'server.json';

/**
 * Where the daemon's loopback server listens, for `exec` and `env` to find, and the status page's key
 * (made anew at each start), for `status --web` and `open`. 0600: the key opens the status page.
 */
export interface ServerInfo {
  version: 1;
  port: number;
  pid: number;
  statusKey?: string;
}

export async function writeServerFile(stateDir: string, info: ServerInfo): Promise<void> {
  const file = join(stateDir, SERVER_FILE);
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, JSON.stringify(info), { mode: 0o600 });
  await rename(temp, file);
}

export async function readServerFile(stateDir: string): Promise<ServerInfo | null> {
  try {
    const info = JSON.parse(await readFile(join(stateDir, SERVER_FILE), 'utf8')) as Partial<ServerInfo>;
    return info.version === 1 &&
      Number.isInteger(info.port) &&
      Number.isInteger(info.pid) &&
      (info.statusKey === undefined || typeof info.statusKey === 'string')
      ? (info as ServerInfo)
      : null;
  } catch {
    return null;
  }
}

/** Removed only when it is still ours: a newer daemon may have written its own. */
export async function removeServerFile(stateDir: string, pid = process.pid): Promise<void> {
  const info = await readServerFile(stateDir);
  if (info?.pid === pid) await unlink(join(stateDir, SERVER_FILE)).catch(() => {});
}
