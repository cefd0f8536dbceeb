import { InvalidArgumentError } from 'commander';
import { parseSeconds } from '../parse-seconds';
import { withSetup } from '../with-setup';
import type { CommandContext } from './command-context';

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
}

/** run, demo, logs, notify, install, uninstall: the daemon and what surrounds it. Implementations load on use. */
export function registerDaemonCommands({ program, io, result }: CommandContext): void {
  program
    .command('run')
    .description(
      'the daemon, in the foreground: keeps every session fresh; SIGHUP or a config change reloads',
    )
    .option('--duration <seconds>', 'stop by itself after this many seconds', parseSeconds)
    .action(async (opts: { duration?: number }) => {
      const { runCommand } = await import('../commands/run-command');
      result.code = await runCommand(io, program.opts(), { durationMs: opts.duration });
    });

  program
    .command('demo')
    .description(
      'the daemon against the embedded AWS SSO emulator in a throw-away home; no AWS account needed',
    )
    .option('--duration <seconds>', 'stop by itself after this many seconds', parseSeconds)
    .action(async (opts: { duration?: number }) => {
      const { demoCommand } = await import('../commands/demo-command');
      result.code = await demoCommand(io, { durationMs: opts.duration });
    });

  program
    .command('logs')
    .description("the daemon's log")
    .option('-f, --follow', 'keep printing new lines')
    .option('-n, --lines <n>', 'how many lines from the end', parseCount, 50)
    .action(async (opts: { follow?: boolean; lines: number }) => {
      result.code = await withSetup(io, program.opts(), async (ws) =>
        (await import('../commands/logs-command')).logsCommand(ws, io, opts),
      );
    });

  program
    .command('notify')
    .description('notifier tools')
    .command('test')
    .description(
      'send a sample event through the configured notifiers; prints delivered or the error for each',
    )
    .option('--notifier <name...>', 'only these notifiers')
    .action(async (opts: { notifier?: string[] }) => {
      const { notifierSchemas } = await import('../builtin-plugins');
      result.code = await withSetup(
        io,
        program.opts(),
        async (ws) => (await import('../commands/notify-command')).notifyTestCommand(ws, io, opts),
        notifierSchemas(),
      );
    });

  program
    .command('install')
    .description(
      'install the daemon as a user service (systemd --user on Linux, launchd on macOS) and start it',
    )
    .option('--dry-run', 'print the service file and the commands; change nothing')
    .action(async (opts: { dryRun?: boolean }) => {
      result.code = await withSetup(io, program.opts(), async (ws) =>
        (await import('../commands/service-command')).installCommand(ws, io, opts),
      );
    });

  program
    .command('uninstall')
    .description('stop the user service and remove its file')
    .option('--dry-run', 'print what it would do; change nothing')
    .action(async (opts: { dryRun?: boolean }) => {
      result.code = await (await import('../commands/service-command')).uninstallCommand(io, opts);
    });
}
