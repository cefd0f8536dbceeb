import { spawn } from 'node:child_process';

export interface TimedRun {
  /** Wall time from spawn to exit, in ms. */
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a process to its end and times it, without blocking this event loop: the emulator a benchmark
 * talks to lives in this process and must keep answering. Killed after `timeoutMs`.
 */
export function runTimed(
  args: string[],
  opts: { env: Record<string, string>; cwd?: string; timeoutMs?: number },
): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, {
      env: opts.env,
      cwd: opts.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, code, stdout, stderr });
    });
  });
}
