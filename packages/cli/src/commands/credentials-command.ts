import {
  formatCredentials,
  readRoleCache,
  roleCacheFile,
  type CredentialsFormat,
  type Setup,
} from '@sso-supervisor/core/setup';
import { EXIT, type CliIo } from '../cli-io';
import { chooseProfile } from '../with-setup';
import { askDaemonFirst, warnUnlocked } from '../daemon-first';

/** The `--format` choices. */
export const FORMATS = ['process', 'env', 'dotenv', 'json'];

export const CREDENTIALS_HELP = `
Role credentials for an SSO profile, from its cached SSO token (refreshed first when it is due), through
GetRoleCredentials. Reused from a 0600 cache in the state dir while more than credentialsRenewBefore
(supervisor.yaml, default 20m) remains, so boto3, which runs credential_process again under 15 minutes,
runs it once per credential lifetime. Reads only the session parts of supervisor.yaml.
When the daemon runs, it is asked (over daemon.sock in the state dir), so many concurrent calls share
one refresh; otherwise the refresh runs under a per-session lock in the state dir's locks/ folder.
Only the credentials go to stdout; messages go to stderr.

Formats:
  process   credential_process JSON (default)
  env       export lines, for: eval "$(sso-supervisor credentials --profile dev --format env)"
  dotenv    KEY=value lines, for .env files
  json      {accessKeyId, secretAccessKey, sessionToken, expiration}

Every AWS SDK and the AWS CLI get self-renewing credentials from a profile such as:
  [profile app]
  credential_process = sso-supervisor credentials --profile dev

Exit codes: 0 done; 1 failed (a login is needed, the role is not assigned, the portal throttles or is
unreachable); 2 usage or config error (unknown profile, not an SSO profile, no account or role).
`;

/** `credentials [--profile P] [--format F]` (default $AWS_PROFILE): role credentials on stdout, credential_process compatible. */
export async function credentialsCommand(
  ws: Setup,
  io: CliIo,
  opts: { profile?: string; format: CredentialsFormat },
): Promise<number> {
  const found = chooseProfile(ws, io, opts.profile);
  if (typeof found === 'number') return found;
  const { name } = found;
  // Credentials still fresh in the role cache need no refresh, so nobody to share one with: they are printed
  // as they are, before the daemon is asked (the same entry it would answer from) and before core loads.
  const cached = await readRoleCache(
    roleCacheFile(ws.paths.stateDir, found.profile),
    new Date(),
    ws.settingsFor(found.profile.session).credentialsRenewBefore,
  );
  if (cached) {
    io.stdout.write(formatCredentials(cached.credentials, opts.format));
    return EXIT.ok;
  }
  const said = await askDaemonFirst<'credentials'>(ws, { op: 'credentials', profile: name });
  if (said) {
    if (!said.ok) {
      io.stderr.write(`error: ${said.message}\n`);
      return said.kind === 'config' ? EXIT.usage : EXIT.failed;
    }
    const r = said.result;
    const credentials = {
      accessKeyId: r.AccessKeyId,
      secretAccessKey: r.SecretAccessKey,
      sessionToken: r.SessionToken,
      expiration: new Date(r.Expiration),
    };
    io.stdout.write(formatCredentials(credentials, opts.format));
    return EXIT.ok;
  }
  const core = await import('@sso-supervisor/core');
  const refresher = new core.SessionRefresher(undefined, undefined, {
    stateDir: ws.paths.stateDir,
    onUnlocked: warnUnlocked(io),
  });
  try {
    const outcome = await core.obtainRoleCredentials(found.profile, {
      stateDir: ws.paths.stateDir,
      settings: ws.settingsFor(found.profile.session),
      refresher,
    });
    if (!outcome.ok) {
      io.stderr.write(`error: ${outcome.failure.message}\n`);
      return outcome.failure.kind === 'config' ? EXIT.usage : EXIT.failed;
    }
    if (outcome.warning) io.stderr.write(`warning: ${outcome.warning}\n`);
    io.stdout.write(core.formatCredentials(outcome.credentials, opts.format));
    return EXIT.ok;
  } finally {
    refresher.destroy();
  }
}
