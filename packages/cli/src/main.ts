import { Command, CommanderError } from 'commander';
import { EXIT, processIo, type CliIo } from './cli-io';
import { parseSeconds } from './parse-seconds';
import { withWorkspace } from './with-workspace';

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

  program
    .command('status')
    .description('every supervised session: profiles, time left, state')
    .option('--json', 'machine-readable output')
    .action(async (opts) => {
      result.code = await withWorkspace(io, program.opts(), async (ws) =>
        (await import('./commands/status-command')).statusCommand(ws, io, opts),
      );
    });

  program
    .command('refresh')
    .description('one refresh pass now: sessions under the threshold, or all named ones with --force')
    .argument('[session...]', 'sso-session names (or profile names) to refresh; default all')
    .option('--force', 'refresh even when not due')
    .option('--json', 'machine-readable output')
    .action(async (names: string[], opts) => {
      result.code = await withWorkspace(io, program.opts(), async (ws) =>
        (await import('./commands/refresh-command')).refreshCommand(ws, io, names, opts),
      );
    });

  program
    .command('validate')
    .description('check the AWS config and the token cache files')
    .option('--json', 'machine-readable output')
    .action(async (opts) => {
      result.code = await withWorkspace(io, program.opts(), async (ws) =>
        (await import('./commands/validate-command')).validateCommand(ws, io, opts),
      );
    });

  program
    .command('run')
    .description(
      'the daemon, in the foreground: keeps every session fresh; SIGHUP or a config change reloads',
    )
    .option('--duration <seconds>', 'stop by itself after this many seconds', parseSeconds)
    .action(async (opts: { duration?: number }) => {
      const { runCommand } = await import('./commands/run-command');
      result.code = await runCommand(io, program.opts(), { durationMs: opts.duration });
    });

  program
    .command('demo')
    .description(
      'the daemon against the embedded AWS SSO emulator in a throw-away home; no AWS account needed',
    )
    .option('--duration <seconds>', 'stop by itself after this many seconds', parseSeconds)
    .action(async (opts: { duration?: number }) => {
      const { demoCommand } = await import('./commands/demo-command');
      result.code = await demoCommand(io, { durationMs: opts.duration });
    });

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
