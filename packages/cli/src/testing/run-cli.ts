import { join } from 'node:path';
import { execFile } from 'node:child_process';

/** The `sso-supervisor` bin, run the way a user's shell or a service manager runs it. */
export const CLI_BIN = join(__dirname, '..', '..', 'bin', 'sso-supervisor.js');

/** Every secret that appears anywhere in the given outputs. */
export function leakedSecrets(secrets: string[], outputs: string[]): string[] {
  const all = outputs.join('\n');
  return secrets.filter((s) => all.includes(s));
}

export interface CliRun {
  /** The exit code; null when a signal (or the time limit) ended it. */
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one CLI command in its own process with exactly the environment given, in `cwd` (where a relative
 * path in a config would land), bounded in time. `nodeArgs` go before the bin (`--require` a probe).
 */
export function runCli(
  args: string[],
  env: Record<string, string>,
  { cwd, timeoutMs = 60_000, nodeArgs = [] }: { cwd?: string; timeoutMs?: number; nodeArgs?: string[] } = {},
): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...nodeArgs, CLI_BIN, ...args],
      { cwd, env: { PATH: process.env.PATH ?? '', ...env }, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
