import { EXIT, type CliIo } from '../cli-io';
import type { SessionChoice, Setup } from '@sso-supervisor/core';

export const TOKEN_HELP = `
Prints the session's SSO access token, refreshed first when it is due, and nothing else: for scripts
that call the SSO portal APIs themselves, e.g.
  curl -H "x-amz-sso_bearer_token: $(sso-supervisor token corp)" ...
It refuses to print to a terminal, where it would end up in a screen share or the scrollback,
unless --force is given.

Exit codes: 0 done; 1 no usable token (a login is needed, or the refresh failed); 2 usage error.
`;

/** `token [SESSION | --profile P] [--force]`: a fresh SSO access token on stdout (default $AWS_PROFILE). */
export async function tokenCommand(ws: Setup, io: CliIo, choice: SessionChoice): Promise<number> {
  const core = await import('@sso-supervisor/core');
  const found = core.chooseSession(ws, choice, io.env);
  if ('failure' in found) {
    io.stderr.write(`error: ${found.failure}\n`);
    return EXIT.usage;
  }
  const { session } = found;
  const settings = ws.settingsFor(session);
  const outcome = await core.obtainSessionToken(session, {
    thresholdMs: settings.threshold,
    retry: core.retrySettings(settings),
  });
  if (!outcome.ok) {
    io.stderr.write(`error: ${outcome.failure.message}\n`);
    return EXIT.failed;
  }
  if (outcome.warning) io.stderr.write(`warning: ${outcome.warning}\n`);
  io.stdout.write(`${outcome.accessToken}\n`);
  return EXIT.ok;
}
