import type { SsoSession } from '../aws-config/discover-sessions';
import type { EventType, Severity } from '../events/event-types';
import type { SupervisorEvent } from '../events/supervisor-event';

/** An event about one session, with the session's name and profiles filled in. */
export function sessionEvent(
  type: EventType,
  severity: Severity,
  session: SsoSession,
  now: Date,
  fields: Omit<SupervisorEvent, 'type' | 'severity' | 'time' | 'session' | 'profiles'>,
): SupervisorEvent {
  return {
    type,
    time: now.toISOString(),
    severity,
    session: session.name,
    profiles: session.profiles,
    ...fields,
  };
}

/** `10:20 UTC`, the short form messages use. */
export function clockTime(iso: string): string {
  return `${new Date(iso).toISOString().slice(11, 16)} UTC`;
}

/** How a session is called in messages: its name, or its first legacy profile. */
export function sessionLabel(session: SsoSession): string {
  return session.name ?? `profile ${session.profiles[0] ?? session.startUrl}`;
}
