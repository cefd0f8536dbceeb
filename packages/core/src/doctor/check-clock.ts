import { describeSpan } from './describe-span';
import type { DoctorCheck } from './doctor-check';

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
