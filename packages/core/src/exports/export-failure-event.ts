import type { ExportEntry } from '../config/supervisor-config';
import type { SsoSession } from '../aws-config/discover-sessions';
import type { Severity, SupervisorEvent } from '../events/supervisor-event';

export interface ExportFailure {
  entry: ExportEntry;
  /** The profile's session once resolved; a problem in the plan has none. */
  session?: SsoSession;
  /** Secret-free; says what is wrong and, where a person can, what to do. */
  problem: string;
  severity: Severity;
  command?: string;
}

/**
 * `token.refresh_failed` for a file that is not kept fresh: the closest event there is, and the one people
 * route to their notifiers already. `error` starts with the file, so a notification says which one.
 */
export function exportFailureEvent(failure: ExportFailure, now: Date): SupervisorEvent {
  const { entry, session, problem, severity, command } = failure;
  return {
    type: 'token.refresh_failed',
    time: now.toISOString(),
    severity,
    ...(session && { session: session.name }),
    profiles: [entry.profile],
    message: `credentials for profile ${entry.profile} not written to ${entry.path}: ${problem}`,
    error: `${entry.path}: ${problem}`,
    ...(command && { command }),
  };
}
