import { execFile } from 'node:child_process';

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
