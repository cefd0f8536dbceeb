import type { StateFileRead } from '../state/state-file';
import type { DoctorCheck } from './doctor-check';

/**
 * Whether the daemon keeps the sessions fresh; without it tokens are refreshed only when something asks.
 * `pid` is the lock holder's (see runningDaemonPid); the state file adds when it started.
 */
export function checkDaemon(pid: number | null, read: StateFileRead): DoctorCheck {
  const title = 'daemon';
  if (pid !== null) {
    const since = read.state?.pid === pid ? `, since ${read.state.startedAt}` : '';
    return { status: 'pass', title, detail: `running (pid ${pid}${since})` };
  }
  return {
    status: 'warn',
    title,
    detail: `not running${read.warning ? `; ${read.warning}` : ''}: tokens are refreshed only when a command asks`,
    fix: '`sso-supervisor install` (a user service), or `sso-supervisor run`',
  };
}
