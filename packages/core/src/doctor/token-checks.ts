import type { SsoSession } from '../aws-config/discover-sessions';
import type { CacheRead } from '../cache/read-cached-token';
import { type DoctorCheck, describeSpan } from './doctor-check';
import type { CachedToken } from '../cache/cached-token';
import { assessToken } from '../engine/assess-token';
import type { RoleCredentialsOutcome } from '../credentials/obtain-role-credentials';
import type { SsoProfile } from '../credentials/resolve-session';

const sessionLabel = (s: SsoSession) => s.name ?? s.profiles[0];

/**
 * The token cache file exists, parses, and only its owner can read it. `mode` is the file's
 * permission bits, or null where they mean nothing (Windows).
 */
export function checkCacheFile(session: SsoSession, read: CacheRead, mode: number | null): DoctorCheck {
  const title = `cache file ${sessionLabel(session)}`;
  const fix = `run ${session.loginCommand}`;
  if (read.status === 'missing') {
    return {
      status: 'fail',
      title,
      detail: `no cached token at ${session.cacheFile}: nobody logged in`,
      fix,
    };
  }
  if (read.status === 'invalid') return { status: 'fail', title, detail: read.message, fix };
  if (mode !== null && (mode & 0o077) !== 0) {
    return {
      status: 'warn',
      title,
      detail: `${session.cacheFile} is mode ${(mode & 0o777).toString(8).padStart(4, '0')}: other users can read the token`,
      fix: `chmod 600 ${session.cacheFile}`,
    };
  }
  return { status: 'pass', title, detail: `${session.cacheFile} (0600)` };
}

/**
 * For a session with two possible cache files (a legacy start URL with an inline comment): which one is
 * used and why, with the fix that makes every tool agree on one.
 */
export function checkCacheFileChoice(session: SsoSession): DoctorCheck | undefined {
  if (!session.cacheFileReason) return undefined;
  return {
    status: 'warn',
    title: `cache file choice ${sessionLabel(session)}`,
    detail: `${session.cacheFile}: ${session.cacheFileReason}`,
    fix: `move the comment after sso_start_url of [profile ${session.profiles[0]}] to a line of its own, then run ${session.loginCommand}`,
  };
}

/** How long the access token has left, and whether it can be renewed without a person. */
export function checkTokenLifetime(
  session: SsoSession,
  token: CachedToken,
  now: Date,
  thresholdMs: number,
): DoctorCheck {
  const title = `token ${session.name ?? session.profiles[0]}`;
  const a = assessToken(token, now, thresholdMs);
  const left = `${describeSpan(a.secondsLeft)} left (until ${token.expiresAt})`;
  const refresh = `sso-supervisor refresh ${session.name ?? session.profiles[0]}`;
  switch (a.state) {
    case 'valid':
      return { status: 'pass', title, detail: left };
    case 'expiring':
      return {
        status: 'warn',
        title,
        detail: `${left}, under the ${describeSpan(thresholdMs / 1000)} threshold; it can be refreshed`,
        fix: `${refresh}, or keep the daemon running`,
      };
    case 'expired':
      return {
        status: 'warn',
        title,
        detail: `expired ${describeSpan(a.secondsLeft)} ago; the refresh token can still renew it`,
        fix: refresh,
      };
    case 'reauth_required':
      return {
        status: 'fail',
        title,
        detail: `${a.secondsLeft > 0 ? left : `expired ${describeSpan(a.secondsLeft)} ago`}; ${a.reason}`,
        fix: `run ${session.loginCommand}`,
      };
  }
}

/** A registration ending within this long warrants a login at a good moment rather than an outage. */
const SOON_MS = 7 * 86_400_000;

/**
 * The client registration bounds every refresh token issued to it (about 90 days); when it ends,
 * silent refresh ends with it.
 */
export function checkRegistration(session: SsoSession, token: CachedToken, now: Date): DoctorCheck {
  const title = `registration ${session.name ?? session.profiles[0]}`;
  const login = `run ${session.loginCommand}`;
  if (!token.refreshToken || !token.registrationExpiresAt) {
    const legacy = session.name === null;
    return {
      status: 'warn',
      title,
      detail: `this login has no ${token.refreshToken ? 'registrationExpiresAt' : 'refresh token'}: nothing can renew it, so it ends at ${token.expiresAt}`,
      fix: legacy
        ? 'move the profile to an [sso-session] section with sso_registration_scopes = sso:account:access, then log in'
        : `add sso_registration_scopes = sso:account:access to [sso-session ${session.name}], then ${login}`,
    };
  }
  const msLeft = Date.parse(token.registrationExpiresAt) - now.getTime();
  if (msLeft <= 0) {
    return {
      status: 'fail',
      title,
      detail: `the client registration expired at ${token.registrationExpiresAt}; the token cannot be refreshed`,
      fix: login,
    };
  }
  const detail = `client registration valid until ${token.registrationExpiresAt} (${describeSpan(msLeft / 1000)})`;
  if (msLeft < SOON_MS)
    return {
      status: 'warn',
      title,
      detail: `${detail}; then a login is needed`,
      fix: `${login} at a good moment`,
    };
  return { status: 'pass', title, detail };
}

/** The end-to-end check: GetRoleCredentials gives the profile's role credentials. Never prints them. */
export function checkRoleCredentials(profile: SsoProfile, outcome: RoleCredentialsOutcome): DoctorCheck {
  const title = `role credentials ${profile.name}`;
  if (!outcome.ok) {
    const { failure } = outcome;
    const fix = failure.command
      ? `run ${failure.command}`
      : failure.kind === 'forbidden' || failure.kind === 'config'
        ? `\`aws sso list-account-roles --account-id ${profile.accountId} --profile ${profile.name}\` lists the roles you have`
        : 'try again in a minute; if it persists, check the endpoints above';
    return { status: 'fail', title, detail: failure.message, fix };
  }
  const detail = `role ${profile.roleName} in account ${profile.accountId}, valid until ${outcome.credentials.expiration.toISOString()}`;
  if (outcome.warning)
    return { status: 'warn', title, detail: `${detail}; ${outcome.warning}`, fix: 'see the warning' };
  return { status: 'pass', title, detail };
}
