import type { SsoSession } from '../aws-config/sso-session';
import type { CachedToken } from '../cache/cached-token';
import { describeSpan } from './describe-span';
import type { DoctorCheck } from './doctor-check';

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
