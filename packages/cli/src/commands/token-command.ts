import type { Command } from 'commander';
import { EXIT, type CliIo } from '../cli-io';
import type { Setup } from '@sso-supervisor/core';
import { withSetup } from '../with-setup';

const HELP = `
Prints the session's SSO access token, refreshed first when it is due, and nothing else: for scripts
that call the SSO portal APIs themselves, e.g.
  curl -H "x-amz-sso_bearer_token: $(sso-supervisor token corp)" ...
It refuses to print to a terminal, where it would end up in a screen share or the scrollback,
unless --force is given.

Exit codes: 0 done; 1 no usable token (a login is needed, or the refresh failed); 2 usage error.
`;

async function token(ws: Setup, io: CliIo, name: string): Promise<number> {
  const core = await import('@sso-supervisor/core');
  const found = core.resolveSession(ws, name);
  if ('failure' in found) {
    io.stderr.write(`error: ${found.failure.message}\n`);
    return EXIT.usage;
  }
  const { session } = found;
  const settings = ws.settingsFor(session);
  const outcome = await core.obtainSessionToken(session, {
    thresholdMs: settings.threshold,
    retry: { ...settings.retry, timeout: settings.timeout },
  });
  if (!outcome.ok) {
    io.stderr.write(`error: ${outcome.failure.message}\n`);
    return EXIT.failed;
  }
  if (outcome.warning) io.stderr.write(`warning: ${outcome.warning}\n`);
  io.stdout.write(`${outcome.accessToken}\n`);
  return EXIT.ok;
}

/** `token SESSION [--force]`: a fresh SSO access token on stdout, never to a terminal without --force. */
export function registerTokenCommand(program: Command, io: CliIo, result: { code: number }): void {
  program
    .command('token')
    .description('a fresh SSO access token on stdout and nothing else (refuses a terminal without --force)')
    .argument('<session>', 'an sso-session name, or a profile name for its session')
    .option('--force', 'print even when stdout is a terminal')
    .addHelpText('after', HELP)
    .action(async (name: string, opts: { force?: boolean }) => {
      if (io.stdout.isTTY && !opts.force) {
        io.stderr.write(
          'error: refusing to print an SSO access token to a terminal (screen shares, scrollback); pipe it, or pass --force\n',
        );
        result.code = EXIT.usage;
        return;
      }
      result.code = await withSetup(io, program.opts(), (ws) => token(ws, io, name));
    });
}
