import { Command, CommanderError } from 'commander';
import { EXIT, processIo, type CliIo } from './cli-io';
import { registerCredentialsCommand } from './commands/credentials-command';
import { registerDoctorCommand } from './commands/doctor-command';
import { registerTokenCommand } from './commands/token-command';
import { registerDaemonCommands } from './program/register-daemon-commands';
import { registerLoginCommand } from './program/register-login-command';
import { registerSessionCommands } from './program/register-session-commands';

/**
 * Builds the command tree; each action stores its exit code in `result.code`. Command modules load on
 * use, so `status` pays only for what it runs.
 */
export function buildProgram(io: CliIo, result: { code: number }): Command {
  const program = new Command('sso-supervisor')
    .description(
      'Keeps AWS IAM Identity Center (SSO) sessions alive and tells you when a person must log in.',
    )
    .option('-c, --config <file>', 'supervisor.yaml to use')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  const context = { program, io, result };
  registerSessionCommands(context);
  registerLoginCommand(context);
  registerDaemonCommands(context);
  registerCredentialsCommand(program, io, result);
  registerTokenCommand(program, io, result);
  registerDoctorCommand(program, io, result);
  return program;
}

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
