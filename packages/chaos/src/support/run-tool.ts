import { execFile } from 'node:child_process';

/** Runs a system tool (mount, setpriv, chown); resolves to its error output, or null when it succeeded. */
export function runTool(command: string, args: string[]): Promise<string | null> {
  return new Promise((resolve) =>
    execFile(command, args, { timeout: 10_000 }, (error, _stdout, stderr) =>
      resolve(error ? stderr.trim() || error.message : null),
    ),
  );
}
