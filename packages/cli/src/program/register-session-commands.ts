import { withSetup } from '../with-setup';
import type { CommandContext } from './command-context';

/** status, refresh, validate, init: one-shot commands over the sessions. Implementations load on use. */
export function registerSessionCommands({ program, io, result }: CommandContext): void {
  program
    .command('status')
    .description('every supervised session: profiles, time left, state, and whether the daemon runs')
    .option('--json', 'machine-readable output')
    .action(async (opts) => {
      result.code = await withSetup(io, program.opts(), async (ws) =>
        (await import('../commands/status-command')).statusCommand(ws, io, opts),
      );
    });

  program
    .command('refresh')
    .description('one refresh pass now: sessions under the threshold, or all named ones with --force')
    .argument('[session...]', 'sso-session names (or profile names) to refresh; default all')
    .option('--force', 'refresh even when not due')
    .option('--json', 'machine-readable output')
    .action(async (names: string[], opts) => {
      result.code = await withSetup(io, program.opts(), async (ws) =>
        (await import('../commands/refresh-command')).refreshCommand(ws, io, names, opts),
      );
    });

  program
    .command('validate')
    .description('check supervisor.yaml, the AWS config and the token cache files')
    .option('--json', 'machine-readable output')
    .action(async (opts) => {
      const { notifierSchemas } = await import('../builtin-plugins');
      result.code = await withSetup(
        io,
        program.opts(),
        async (ws) => (await import('../commands/validate-command')).validateCommand(ws, io, opts),
        notifierSchemas(),
      );
    });

  program
    .command('init')
    .description('write a commented starter supervisor.yaml from the sessions in the AWS config')
    .option('--force', 'replace an existing file')
    .action(async (opts) => {
      result.code = await (await import('../commands/init-command')).initCommand(io, program.opts(), opts);
    });
}
