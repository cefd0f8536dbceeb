import type { NotifierEntry } from '../config/supervisor-config';
import type { SupervisorEvent } from '../events/supervisor-event';

// Who gets an event (acceptsEvent) and what they see of it (cleanEvent, in notifier-api so plugins
// test against the same); the dispatcher applies both.
export { cleanEvent } from '@sso-supervisor/notifier-api';

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
