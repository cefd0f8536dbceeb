import { execFile } from 'node:child_process';
import { chmod, mkdir, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface CommandOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

export type CommandRunner = (command: string, args: string[]) => Promise<CommandOutcome>;

/**
 * Runs a program without a shell and reports how it ended; never rejects, so a missing `systemctl` is an
 * outcome (code 127, the shell's "not found") the caller can print like any other failure.
 */
export const runCommand: CommandRunner = (command, args) =>
  new Promise((resolve) => {
    execFile(command, args, { encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      if (!error) return resolve({ code: 0, stdout, stderr });
      const code = typeof error.code === 'number' ? error.code : error.code === 'ENOENT' ? 127 : 1;
      resolve({ code, stdout, stderr: stderr || error.message });
    });
  });

export type ServiceStep =
  | { write: string; content: string; private?: { shown: string[] } }
  | { remove: string }
  | { mkdir: string; mode: number }
  | { run: [string, ...string[]]; mayFail?: boolean };

export interface ServiceResult {
  ok: boolean;
  /** What was done (or, on a dry run, would be), one line per step, ready to print. */
  lines: string[];
}

/**
 * Does the steps in order, or only describes them on a dry run. Stops at the first step that fails, unless
 * it may fail (unloading a service that is not loaded). Failures are returned, never thrown.
 */
export async function applySteps(
  steps: ServiceStep[],
  { dryRun, run }: { dryRun: boolean; run: CommandRunner },
): Promise<ServiceResult> {
  const lines: string[] = [];
  for (const step of steps) {
    if ('run' in step) {
      const shown = step.run.map(shellWord).join(' ');
      if (dryRun) {
        lines.push(`would run: ${shown}`);
        continue;
      }
      const [command, ...args] = step.run;
      const outcome = await run(command, args);
      if (outcome.code === 0) lines.push(`ran: ${shown}`);
      else {
        const why = (outcome.stderr || outcome.stdout).trim().split('\n')[0];
        lines.push(
          `${step.mayFail ? 'ran (failure ignored)' : 'failed'}: ${shown} (exit ${outcome.code}: ${why})`,
        );
        if (!step.mayFail) return { ok: false, lines };
      }
      continue;
    }
    try {
      if ('write' in step && step.private) {
        // Secrets: 0600 even over an existing file, and a dry run shows what goes in, not the values.
        if (dryRun) lines.push(`would write ${step.write} (0600):`, ...step.private.shown);
        else {
          await mkdir(dirname(step.write), { recursive: true, mode: 0o700 });
          await writeFile(step.write, '', { mode: 0o600 });
          await chmod(step.write, 0o600);
          await writeFile(step.write, step.content);
          lines.push(`wrote ${step.write} (0600)`);
        }
      } else if ('write' in step) {
        if (dryRun) lines.push(`would write ${step.write}:`, ...step.content.replace(/\n$/, '').split('\n'));
        else {
          await mkdir(dirname(step.write), { recursive: true });
          await writeFile(step.write, step.content, { mode: 0o644 });
          lines.push(`wrote ${step.write}`);
        }
      } else if ('remove' in step) {
        if (!dryRun) await unlink(step.remove);
        lines.push(`${dryRun ? 'would remove' : 'removed'} ${step.remove}`);
      } else if (!dryRun) await mkdir(step.mkdir, { recursive: true, mode: step.mode });
    } catch (error) {
      const target = 'write' in step ? step.write : 'remove' in step ? step.remove : step.mkdir;
      lines.push(`failed: cannot change ${target} (${(error as NodeJS.ErrnoException).code ?? error})`);
      return { ok: false, lines };
    }
  }
  return { ok: true, lines };
}

/** For showing a command so it can be pasted into a shell. */
function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
