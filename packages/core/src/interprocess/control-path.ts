import { join, win32 } from 'node:path';

export const SOCKET_NAME = 'daemon.sock';
// sun_path holds 108 bytes on Linux and 104 on macOS, the terminating NUL included.
const MAX_SOCKET_PATH_BYTES = process.platform === 'darwin' ? 103 : 107;

export type ControlPath = { path: string; kind: 'unix-socket' | 'named-pipe' } | { error: string };

/**
 * Where the daemon listens for the state dir `stateDir`: a Unix socket inside it, or on Windows a named
 * pipe named after a hash of it (pipes live in their own namespace, not in the folder). Untested on Windows.
 */
export function controlPath(stateDir: string, platform: NodeJS.Platform = process.platform): ControlPath {
  if (platform === 'win32') {
    // Loaded here only: the Unix hot path needs no node:crypto.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createHash } = require('node:crypto') as typeof import('node:crypto');
    const hash = createHash('sha256')
      .update(win32.resolve(stateDir).toLowerCase())
      .digest('hex')
      .slice(0, 16);
    return { path: `\\\\.\\pipe\\sso-supervisor-${hash}`, kind: 'named-pipe' };
  }
  const path = join(stateDir, SOCKET_NAME);
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH_BYTES) {
    return {
      error: `the socket path ${path} is longer than the ${MAX_SOCKET_PATH_BYTES} bytes a Unix socket allows`,
    };
  }
  return { path, kind: 'unix-socket' };
}
