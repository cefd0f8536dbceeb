import type { StateFileRead } from '../state/state-file';
import { refusalFix, type ConfigRefusal } from '../state/config-refusal';
import { type DoctorCheck, describeSpan } from './doctor-check';

/**
 * Whether the daemon keeps the sessions fresh; without it tokens are refreshed only when something asks.
 * `pid` is the lock holder's (see runningDaemonPid); the state file adds when it started. A daemon that
 * `run` refused for a config error fails: the service manager will not restart it (exit 2).
 */
export function checkDaemon(
  pid: number | null,
  read: StateFileRead,
  refusal: ConfigRefusal | null = null,
  platform: NodeJS.Platform = process.platform,
): DoctorCheck {
  const title = 'daemon';
  if (pid !== null) {
    const since = read.state?.pid === pid ? `, since ${read.state.startedAt}` : '';
    return { status: 'pass', title, detail: `running (pid ${pid}${since})` };
  }
  if (refusal) {
    const more = refusal.errors.length > 1 ? ` (and ${refusal.errors.length - 1} more)` : '';
    return {
      status: 'fail',
      title,
      detail:
        `stopped on a config error at ${refusal.at} (pid ${refusal.pid}), and the service manager will not ` +
        `restart it: ${refusal.errors[0] ?? 'the config has errors'}${more}`,
      fix: refusalFix(platform),
    };
  }
  return {
    status: 'warn',
    title,
    detail: `not running${read.warning ? `; ${read.warning}` : ''}: tokens are refreshed only when a command asks`,
    fix: '`sso-supervisor install` (a user service), or `sso-supervisor run`',
  };
}

/** AWS refuses signed requests more than 5 minutes off; token expiry judgements drift with the clock. */
const FAIL_MS = 5 * 60_000;
const WARN_MS = 60_000;
const FIX = 'turn on time sync (`timedatectl set-ntp true` on Linux; Date & Time settings on macOS)';

/** The local clock against an AWS endpoint's `Date` header (one-second resolution). */
export function checkClock(now: Date, serverDate: Date | undefined): DoctorCheck {
  const title = 'clock';
  if (!serverDate) {
    return {
      status: 'warn',
      title,
      detail: `local time ${now.toISOString()}; no endpoint answered with a Date header to compare with`,
      fix: 'make the SSO endpoints reachable (see above) and run doctor again',
    };
  }
  const skew = now.getTime() - serverDate.getTime();
  const detail = `${describeSpan(skew / 1000)} ${skew >= 0 ? 'ahead of' : 'behind'} the endpoint's clock`;
  if (Math.abs(skew) > FAIL_MS) {
    return {
      status: 'fail',
      title,
      detail: `${detail}: AWS rejects requests and tokens look expired or fresh wrongly`,
      fix: FIX,
    };
  }
  if (Math.abs(skew) > WARN_MS) return { status: 'warn', title, detail, fix: FIX };
  return { status: 'pass', title, detail: Math.abs(skew) < 2000 ? 'in step with the endpoint' : detail };
}

const UNSET = 'unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN';

/**
 * Credentials in the environment come first in every AWS SDK's and the CLI's default chain, so they
 * shadow the SSO profile. Only the key's 4-character prefix is ever printed.
 */
export function checkEnvironmentCredentials(env: Record<string, string | undefined>): DoctorCheck {
  const title = 'environment credentials';
  const keyId = env.AWS_ACCESS_KEY_ID;
  if (!keyId) return { status: 'pass', title, detail: 'no AWS_ACCESS_KEY_ID in the environment' };
  const prefix = keyId.slice(0, 4);
  if (prefix === 'ASIA' && !env.AWS_SESSION_TOKEN) {
    return {
      status: 'fail',
      title,
      detail:
        'AWS_ACCESS_KEY_ID holds a temporary key (ASIA...) but AWS_SESSION_TOKEN is not set: every call fails, and the SSO profile is never tried',
      fix: UNSET,
    };
  }
  if (prefix === 'AKIA') {
    return {
      status: 'warn',
      title,
      detail:
        'long-term access keys (AKIA...) are in the environment; they are used instead of the SSO profile and do not expire',
      fix: `${UNSET}, and deactivate the key in IAM if SSO replaces it`,
    };
  }
  return {
    status: 'warn',
    title,
    detail: `AWS_ACCESS_KEY_ID (${prefix}...) is set: it is used instead of the SSO profile`,
    fix: UNSET,
  };
}
