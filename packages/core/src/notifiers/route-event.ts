import type { NotifierEntry } from '../config/supervisor-config';
import type { SupervisorEvent } from '../events/supervisor-event';

// Who gets an event (acceptsEvent) and what they see of it (cleanEvent); the dispatcher applies both.

function wantsType(entry: NotifierEntry, event: SupervisorEvent): boolean {
  if (entry.events) return entry.events.includes('*') || entry.events.includes(event.type);
  // The default: what a person should act on, the all-clear after it, and (for private notifiers,
  // the only ones that get this far with it) the login waiting for approval.
  return event.severity !== 'info' || event.type === 'session.restored' || event.type === 'login.pending';
}

function wantsSession(entry: NotifierEntry, event: SupervisorEvent): boolean {
  // Supervisor-wide events (no session at all) concern every notifier.
  if (!entry.sessions || event.session === undefined) return true;
  if (event.session !== null && entry.sessions.includes(event.session)) return true;
  // A legacy profile's session has no name; it is selected by its profile.
  return event.profiles?.some((profile) => entry.sessions?.includes(profile)) ?? false;
}

/**
 * Whether a notifier routes this event: its `events` filter (default: warning and error severities
 * plus session.restored), its `sessions` filter, and login.pending only when it is private.
 */
export function acceptsEvent(entry: NotifierEntry, event: SupervisorEvent): boolean {
  if (event.type === 'login.pending' && !entry.private) return false;
  return wantsType(entry, event) && wantsSession(entry, event);
}

// Every field of the event contract, in the order the webhook body shows them. Typed as a Record so
// a field added to SupervisorEvent fails to compile here until it is placed.
const FIELDS: Record<keyof SupervisorEvent, true> = {
  type: true,
  time: true,
  severity: true,
  session: true,
  profiles: true,
  expiresAt: true,
  message: true,
  command: true,
  error: true,
  verificationUri: true,
  userCode: true,
  loginUrl: true,
  errors: true,
};
const LOGIN_FIELDS = new Set<string>(['verificationUri', 'userCode', 'loginUrl']);

/**
 * A copy of the event holding only contract fields, so a stray property (a token someone attached
 * upstream) never reaches a notifier. The login link and code stay only when `withLogin` is set,
 * which the dispatcher does for private notifiers alone.
 */
export function cleanEvent(event: SupervisorEvent, withLogin: boolean): SupervisorEvent {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(FIELDS) as (keyof SupervisorEvent)[]) {
    const value = event[key];
    if (value === undefined || (!withLogin && LOGIN_FIELDS.has(key))) continue;
    copy[key] = Array.isArray(value) ? [...value] : value;
  }
  return copy as unknown as SupervisorEvent;
}
