import type { SsoSession } from '../aws-config/sso-session';
import type { CachedToken } from '../cache/cached-token';
import { assessToken } from '../engine/assess-token';
import { describeSpan } from './describe-span';
import type { DoctorCheck } from './doctor-check';

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
