/** What a command may touch of the process, passed in so tests run commands in-process. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  platform: NodeJS.Platform;
}

/**
 * A reader that closes the pipe early (`sso-supervisor --help | head -1`) is normal use, not a failure: end
 * quietly, as a shell tool killed by SIGPIPE would, instead of an unhandled EPIPE stack on stderr.
 */
export function endQuietlyOnClosedPipe(stream: NodeJS.EventEmitter, exit: (code: number) => void): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    exit(0);
  });
}

let pipeGuarded = false;

export function processIo(): CliIo {
  if (!pipeGuarded) endQuietlyOnClosedPipe(process.stdout, (code) => process.exit(code));
  pipeGuarded = true;
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    platform: process.platform,
  };
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
