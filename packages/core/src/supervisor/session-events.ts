import type { SsoSession } from '../aws-config/sso-session';
import type { RefreshResult } from '../engine/refresh-result';
import type { SupervisorEvent } from '../events/supervisor-event';
import { clockTime, sessionEvent, sessionLabel } from './make-event';

/** The events a worker emits, with their wording in one place. */
export const sessionEvents = {
  refreshed(s: SsoSession, expiresAt: string, now: Date): SupervisorEvent {
    return sessionEvent('token.refreshed', 'info', s, now, {
      expiresAt,
      message: `${sessionLabel(s)} refreshed; valid until ${clockTime(expiresAt)}`,
    });
  },
  refreshFailed(s: SsoSession, r: RefreshResult, lapsed: boolean, now: Date): SupervisorEvent {
    return sessionEvent('token.refresh_failed', lapsed ? 'error' : 'warning', s, now, {
      error: r.error,
      message: `${sessionLabel(s)} could not be refreshed; will keep trying: ${r.error}`,
    });
  },
  expired(s: SsoSession, expiresAt: string, now: Date): SupervisorEvent {
    return sessionEvent('token.expired', 'error', s, now, {
      expiresAt,
      command: s.loginCommand,
      message: `${sessionLabel(s)} access token expired at ${clockTime(expiresAt)}; run ${s.loginCommand}`,
    });
  },
  reauthRequired(s: SsoSession, r: RefreshResult, now: Date): SupervisorEvent {
    return sessionEvent('session.reauth_required', 'error', s, now, {
      error: r.error,
      command: s.loginCommand,
      message: `${sessionLabel(s)} needs a new login: ${r.error}`,
    });
  },
  restored(s: SsoSession, expiresAt: string | undefined, now: Date): SupervisorEvent {
    return sessionEvent('session.restored', 'info', s, now, {
      ...(expiresAt && { expiresAt }),
      message: `${sessionLabel(s)} is logged in again${expiresAt ? `; valid until ${clockTime(expiresAt)}` : ''}`,
    });
  },
};
