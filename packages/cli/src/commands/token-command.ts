import { chooseSession, type SessionChoice, type Setup } from '@sso-supervisor/core/setup';
import { EXIT, type CliIo } from '../cli-io';
import { askDaemonFirst, warnUnlocked } from '../daemon-first';

export const TOKEN_HELP = `
Prints the session's SSO access token, refreshed first when it is due, and nothing else: for scripts
that call the SSO portal APIs themselves, e.g.
  curl -H "x-amz-sso_bearer_token: $(sso-supervisor token corp)" ...
It refuses to print to a terminal, where it would end up in a screen share or the scrollback,
unless --force is given. When the daemon runs, it is asked (one refresh for many callers); otherwise
the refresh runs under a per-session lock in the state dir.

Exit codes: 0 done; 1 no usable token (a login is needed, or the refresh failed); 2 usage error.
`;

/** `token [SESSION | --profile P] [--force]`: a fresh SSO access token on stdout (default $AWS_PROFILE). */
export async function tokenCommand(ws: Setup, io: CliIo, choice: SessionChoice): Promise<number> {
  const found = chooseSession(ws, choice, io.env);
  if ('failure' in found) {
    io.stderr.write(`error: ${found.failure}\n`);
    return EXIT.usage;
  }
  const said = await askDaemonFirst<'token'>(ws, {
    op: 'token',
    session: found.session.name ?? found.session.profiles[0],
  });
  if (said) {
    if (!said.ok) {
      io.stderr.write(`error: ${said.message}\n`);
      return EXIT.failed;
    }
    io.stdout.write(`${said.result.accessToken}\n`);
    return EXIT.ok;
  }
  const core = await import('@sso-supervisor/core');
  const { session } = found;
  const settings = ws.settingsFor(session);
  const refresher = new core.SessionRefresher(undefined, undefined, {
    stateDir: ws.paths.stateDir,
    onUnlocked: warnUnlocked(io),
  });
  try {
    const outcome = await core.obtainSessionToken(session, {
      thresholdMs: settings.threshold,
      retry: core.retrySettings(settings),
      refresher,
    });
    if (!outcome.ok) {
      io.stderr.write(`error: ${outcome.failure.message}\n`);
      return EXIT.failed;
    }
    if (outcome.warning) io.stderr.write(`warning: ${outcome.warning}\n`);
    io.stdout.write(`${outcome.accessToken}\n`);
    return EXIT.ok;
  } finally {
    refresher.destroy();
  }
}
