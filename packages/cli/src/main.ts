import { CommanderError } from 'commander';
import { EXIT, processIo, type CliIo } from './cli-io';
import { buildProgram } from './program';

/** The CLI entry point; returns the exit code instead of exiting, so it can run in tests. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const result = { code: EXIT.ok as number };
  try {
    await buildProgram(io, result).parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    io.stderr.write(`sso-supervisor: ${(error as Error).message}\n`);
    return EXIT.failed;
  }
  return result.code;
}
