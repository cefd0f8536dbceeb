import { withSetup } from '../with-setup';
import type { CommandContext } from './command-context';

/** `login`: a device-code login. Ctrl-C or SIGTERM cancels it and leaves the cache file as it was. */
export function registerLoginCommand({ program, io, result }: CommandContext): void {
  program
    .command('login')
    .description('device-code login without a browser on this machine; writes the cache like aws sso login')
    .argument('[session]', 'sso-session name (or a profile name)')
    .option('--profile <profile>', 'the SSO profile to log in, for a legacy profile with its own start URL')
    .option('--json', 'machine-readable progress, one JSON object per line')
    .action(async (session: string | undefined, opts: { profile?: string; json?: boolean }) => {
      const controller = new AbortController();
      const cancel = () => controller.abort();
      process.once('SIGINT', cancel);
      process.once('SIGTERM', cancel);
      try {
        result.code = await withSetup(io, program.opts(), async (ws) =>
          (await import('../commands/login-command')).loginCommand(
            ws,
            io,
            { session, profile: opts.profile },
            opts,
            controller.signal,
          ),
        );
      } finally {
        process.off('SIGINT', cancel);
        process.off('SIGTERM', cancel);
      }
    });
}
