import type { SsoSession } from '../aws-config/discover-sessions';
import type { RefreshResult } from '../engine/refresh-session';
import type { EventOf, EventType, Severity, SupervisorEvent } from '../events/supervisor-event';
import { type LoginProgress, supervisorLoginCommand } from '../login/login-types';
import { humanTime } from '../util/human-time';

type PendingLogin = Extract<LoginProgress, { type: 'pending' }>;

type SessionEventType = Exclude<
  EventType,
  'supervisor.started' | 'supervisor.stopped' | 'config.reloaded' | 'config.invalid'
>;

/** An event about one session, with the session's name and profiles filled in. */
export function sessionEvent<T extends SessionEventType>(
  type: T,
  severity: Severity,
  session: SsoSession,
  now: Date,
  fields: Omit<EventOf<T>, 'type' | 'severity' | 'time' | 'session' | 'profiles'>,
): EventOf<T> {
  // TypeScript cannot follow a spread of a generic payload into the union member; `fields` was
  // checked against that member above.
  return {
    type,
    time: now.toISOString(),
    severity,
    session: session.name,
    profiles: session.profiles,
    ...fields,
  } as EventOf<T>;
}

/**
 * `10:20 CET` (with the date when not the day of `now`): the daemon's local time and zone, as `status` and
 * `logs` show it (util/human-time.ts).
 */
export function clockTime(
  iso: string,
  now: Date = new Date(),
  env: Record<string, string | undefined> = process.env,
): string {
  return humanTime(env, () => now).clock(iso);
}

/** How a session is called in messages: its name, or its first legacy profile. */
export function sessionLabel(session: SsoSession): string {
  return session.name ?? `profile ${session.profiles[0] ?? session.startUrl}`;
}

/** The events a worker emits, with their wording in one place. */
export const sessionEvents = {
  refreshed(s: SsoSession, expiresAt: string, now: Date): SupervisorEvent {
    return sessionEvent('token.refreshed', 'info', s, now, {
      expiresAt,
      message: `${sessionLabel(s)} refreshed; valid until ${clockTime(expiresAt, now)}`,
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
      message: `${sessionLabel(s)} access token expired at ${clockTime(expiresAt, now)}; run ${s.loginCommand}`,
    });
  },
  reauthRequired(s: SsoSession, r: RefreshResult, now: Date): SupervisorEvent {
    return sessionEvent('session.reauth_required', 'error', s, now, {
      error: r.error,
      command: s.loginCommand,
      message: `${sessionLabel(s)} needs a new login: ${r.error}`,
    });
  },
  /** The link and code travel in their own fields, which only private notifiers get; never in the message. */
  loginPending(s: SsoSession, login: PendingLogin, now: Date): SupervisorEvent {
    return sessionEvent('login.pending', 'warning', s, now, {
      verificationUri: login.verificationUriComplete,
      userCode: login.userCode,
      message: `${sessionLabel(s)} waits for a device-code login; approve it before ${clockTime(login.expiresAt, now)}`,
    });
  },
  registrationEnding(s: SsoSession, endsAt: string, now: Date): SupervisorEvent {
    const command = supervisorLoginCommand(s);
    return sessionEvent('session.ending', 'warning', s, now, {
      expiresAt: endsAt,
      command,
      message: `${sessionLabel(s)} client registration ends ${clockTime(endsAt, now)}; silent refresh stops then. Run ${command} before, at a good moment, to renew it`,
    });
  },
  sessionEnding(s: SsoSession, endsAt: string, now: Date): SupervisorEvent {
    const command = supervisorLoginCommand(s);
    return sessionEvent('session.ending', 'warning', s, now, {
      expiresAt: endsAt,
      command,
      message: `${sessionLabel(s)} Identity Center session ends about ${clockTime(endsAt, now)}; log in at a good moment before then (${command})`,
    });
  },
  restored(s: SsoSession, expiresAt: string | undefined, now: Date): SupervisorEvent {
    return sessionEvent('session.restored', 'info', s, now, {
      ...(expiresAt && { expiresAt }),
      message: `${sessionLabel(s)} is logged in again${expiresAt ? `; valid until ${clockTime(expiresAt, now)}` : ''}`,
    });
  },
};
