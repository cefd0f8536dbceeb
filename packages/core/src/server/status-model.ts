import { stat } from 'node:fs/promises';
import type { SupervisedSession } from '../config/session-settings';
import type { SupervisorEvent } from '../events/supervisor-event';
import { cleanEvent } from '../notifiers/route-event';
import type { SessionRecord } from '../state/state-file';
import { readSessionStatus, withDaemonRecord, type SessionStatus } from '../status/session-status';

/** One event as the status page lists it: the contract fields without login links or codes. */
export type ShownEvent = Pick<SupervisorEvent, 'type' | 'time' | 'severity' | 'message'> & {
  session?: string | null;
};

export interface SessionView {
  id: string;
  status: SessionStatus;
  /** A person must log in, and a browser login can do it (an sso-session; a legacy profile cannot). */
  canLogIn: boolean;
  /** A browser login for it runs in the daemon now. */
  loginRunning: boolean;
  events: ShownEvent[];
}

export interface StatusModel {
  now: string;
  sessions: SessionView[];
}

const NEEDS_LOGIN = new Set(['reauth_required', 'missing', 'invalid', 'expired']);
const KEPT_EVENTS = 50;
const EVENTS_PER_SESSION = 5;

/** The daemon's last events, secret-free (cleaned as for a non-private notifier), newest last. */
export class RecentEvents {
  private readonly events: ShownEvent[] = [];

  readonly listen = (event: SupervisorEvent): void => {
    const { type, time, severity, message, session } = cleanEvent(event, false);
    this.events.push({ type, time, severity, message, ...(session !== undefined && { session }) });
    if (this.events.length > KEPT_EVENTS) this.events.shift();
  };

  forSession(name: string | null): ShownEvent[] {
    return this.events.filter((e) => e.session === name).slice(-EVENTS_PER_SESSION);
  }
}

/** Whether the status page offers a login for this session: it needs one, and it is an sso-session. */
export const offersLogin = (view: Pick<SessionView, 'status'>, supervised: SupervisedSession): boolean =>
  supervised.session.name !== null && NEEDS_LOGIN.has(view.status.state);

/**
 * What the status page shows: each supervised session's cache file (time left), merged with the
 * daemon's own record (state, last refresh, next check) as `status` merges the state file, plus its
 * recent events. Read per request; no network.
 */
export async function buildStatusModel(options: {
  supervised: readonly SupervisedSession[];
  record: (id: string) => SessionRecord | undefined;
  events: RecentEvents;
  loginRunning: (id: string) => boolean;
  now?: Date;
}): Promise<StatusModel> {
  const now = options.now ?? new Date();
  const sessions = await Promise.all(
    options.supervised.map(async (supervised): Promise<SessionView> => {
      const { session, settings } = supervised;
      const [read, written] = await Promise.all([
        readSessionStatus(session, now, settings.threshold),
        stat(session.cacheFile).then(
          (info) => info.mtimeMs,
          () => undefined,
        ),
      ]);
      const status = withDaemonRecord(read, options.record(session.id), true, written);
      return {
        id: session.id,
        status,
        canLogIn: offersLogin({ status }, supervised),
        loginRunning: options.loginRunning(session.id),
        events: options.events.forSession(session.name),
      };
    }),
  );
  return { now: now.toISOString(), sessions };
}
