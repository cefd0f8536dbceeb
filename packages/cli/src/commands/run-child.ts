import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * True when this process is in its terminal's foreground process group: a Ctrl-C (SIGINT) or a hang-up
 * (SIGHUP) from the terminal then reached the child as well, and sending it again would make a program
 * that treats a second Ctrl-C as "stop at once" (Terraform) do so. Linux only (/proc); elsewhere false.
 */
function terminalSignalsReachChild(): boolean {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [pgrp, tpgid] = [Number(fields[2]), Number(fields[5])];
    return tpgid > 0 && pgrp === tpgid;
  } catch {
    return false;
  }
}

/**
 * Runs `command` with `env`, stdin/stdout/stderr its own, until it ends; SIGINT, SIGTERM and SIGHUP sent to
 * this process are passed on. Resolves with its exit code, 128 + the signal's number when a signal ended
 * it (as shells report it), 127 when the command is not found and 126 when it cannot be run.
 */
export function runChild(
  command: string,
  args: string[],
  env: Record<string, string>,
  stderr: NodeJS.WritableStream,
): Promise<number> {
  return new Promise((resolve) => {
    // Listening before the spawn: with no listener, a signal that came once the child ran would end this
    // process by default and orphan the child. Handlers run only after this synchronous block.
    const handlers = FORWARDED.map((signal) => {
      const handler = () => {
        if (signal !== 'SIGTERM' && terminalSignalsReachChild()) return;
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      };
      process.on(signal, handler);
      return () => process.off(signal, handler);
    });
    const child = spawn(command, args, { env, stdio: 'inherit' });
    const done = (code: number) => {
      for (const off of handlers) off();
      resolve(code);
    };
    child.once('error', (error: NodeJS.ErrnoException) => {
      const notFound = error.code === 'ENOENT';
      stderr.write(
        `sso-supervisor: ${command}: ${notFound ? 'command not found' : (error.code ?? error.message)}\n`,
      );
      done(notFound ? 127 : 126);
    });
    child.once('exit', (code, signal) => {
      done(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}
