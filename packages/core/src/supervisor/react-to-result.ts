import type { SsoSession } from '../aws-config/discover-sessions';
import type { RefreshResult } from '../engine/refresh-session';
import type { SupervisorEvent } from '../events/supervisor-event';
import { sessionEvents } from './session-events';
import type { WorkerState } from './worker-state';

export interface Reaction {
  state: WorkerState;
  events: SupervisorEvent[];
  /** Stop calling AWS for this session until its cache file changes. */
  hold: boolean;
}

const NEEDS_PERSON = new Set(['reauth_required', 'invalid']);

/**
 * What a refresh result means for a session: the new worker state, the events to send, and whether to
 * wait for a person. A failure streak is reported once, not on every tick.
 */
export function reactToResult(
  session: SsoSession,
  result: RefreshResult,
  prev: WorkerState,
  now: Date,
): Reaction {
  const at = now.toISOString();
  const base: WorkerState = {
    name: prev.name,
    lastCheck: prev.lastCheck,
    lastRefresh: prev.lastRefresh,
    consecutiveFailures: 0,
  };
  const wasHeld = prev.state === 'reauth_required' || prev.state === 'invalid';
  switch (result.outcome) {
    case 'refreshed':
    case 'skipped': {
      const events = wasHeld ? [sessionEvents.restored(session, result.expiresAt, now)] : [];
      if (result.outcome === 'refreshed')
        events.push(sessionEvents.refreshed(session, result.expiresAt!, now));
      return {
        state: { ...base, ...(result.outcome === 'refreshed' ? { lastRefresh: at } : {}) },
        events,
        hold: false,
      };
    }
    case 'reauth_required':
    case 'invalid': {
      const same = prev.state === result.outcome && prev.lastError === result.error;
      return {
        state: {
          ...base,
          state: result.outcome,
          stateSince: same ? prev.stateSince : at,
          lastError: result.error,
        },
        events: same ? [] : [sessionEvents.reauthRequired(session, result, now)],
        hold: NEEDS_PERSON.has(result.outcome),
      };
    }
    case 'failed': {
      const failures = prev.consecutiveFailures + 1;
      // A result without expiresAt (the file kept changing) says nothing new about the lapse.
      const lapsed =
        result.expiresAt === undefined
          ? (prev.lapsed ?? false)
          : Date.parse(result.expiresAt) <= now.getTime();
      const events = failures === 1 ? [sessionEvents.refreshFailed(session, result, lapsed, now)] : [];
      if (lapsed && !prev.lapsed) events.push(sessionEvents.expired(session, result.expiresAt!, now));
      return {
        state: {
          ...base,
          consecutiveFailures: failures,
          state: 'failed',
          stateSince: prev.state === 'failed' ? prev.stateSince : at,
          lastError: result.error,
          lapsed,
        },
        events,
        hold: false,
      };
    }
  }
}
