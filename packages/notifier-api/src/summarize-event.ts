import type { EventType, SupervisorEvent } from './supervisor-event.js';

const HEADLINES: Record<EventType, string> = {
  'supervisor.started': 'Supervisor started',
  'supervisor.stopped': 'Supervisor stopped',
  'token.refreshed': 'Token refreshed',
  'token.refresh_failed': 'Refresh failed',
  'token.expired': 'Token expired',
  'session.reauth_required': 'Login required',
  'session.restored': 'Session restored',
  'session.ending': 'Session ending soon',
  'login.pending': 'Login waiting for approval',
  'config.reloaded': 'Config reloaded',
  'config.invalid': 'Config invalid',
  'notify.test': 'Test notification',
};

/** What a person reads: the same words in a desktop banner, a Slack message and an email. */
export interface EventSummary {
  /** "corp: Login required". */
  title: string;
  /** "[ERROR] corp: Login required", for subjects and one-line fallbacks. */
  subject: string;
  /** Label and value pairs worth showing beside the message. */
  facts: { label: string; value: string }[];
  /** The command that fixes it. */
  command?: string;
  /**
   * On a private notifier: login.pending's approval page and code to check, or the one-time link of a
   * session.reauth_required under `reauth.mode: browser`.
   */
  login?: { uri: string; code?: string };
}

function duration(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 120) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Time left on the token when the event happened (the event's own time, not the reader's clock). */
function timeLeft(event: SupervisorEvent): string | undefined {
  if (!event.expiresAt) return undefined;
  const ms = Date.parse(event.expiresAt) - Date.parse(event.time);
  if (Number.isNaN(ms)) return undefined;
  return ms > 0 ? duration(ms) : `expired ${duration(ms)} ago`;
}

/** Turns an event into the title, facts and fix that every human-facing notifier shows. */
export function summarizeEvent(event: SupervisorEvent): EventSummary {
  const headline = HEADLINES[event.type] ?? event.type;
  const subject = event.session ?? (event.profiles?.length ? event.profiles.join(', ') : undefined);
  const title = subject ? `${subject}: ${headline}` : headline;
  const facts: EventSummary['facts'] = [];
  if (event.session) facts.push({ label: 'Session', value: event.session });
  if (event.profiles?.length) facts.push({ label: 'Profiles', value: event.profiles.join(', ') });
  const left = timeLeft(event);
  if (left) facts.push({ label: 'Time left', value: left });
  if (event.error) facts.push({ label: 'Error', value: event.error });
  if (event.errors?.length) facts.push({ label: 'Problems', value: event.errors.join('\n') });
  return {
    title,
    subject: `[${event.severity.toUpperCase()}] ${title}`,
    facts,
    ...(event.command && { command: event.command }),
    ...(event.loginUrl && { login: { uri: event.loginUrl } }),
    ...(event.verificationUri && { login: { uri: event.verificationUri, code: event.userCode } }),
  };
}
