import type { Command } from 'commander';
import type { CliIo } from '../cli-io';

/** What every command registration gets: the program (for global flags), the process, and where to put the exit code. */
export interface CommandContext {
  program: Command;
  io: CliIo;
  result: { code: number };
}
