/**
 * The events the supervisor publishes (docs/contract.md, "Events"): one JSON object each, told apart by
 * `type`. Narrowing on `type` gives that event's own fields; every other field reads as `undefined`, so
 * code that shows whatever an event carries (a log line, a Slack message) needs no narrowing.
 * No event ever carries a token, refresh token or client secret.
 */
export const EVENT_TYPES = [
  'supervisor.started',
  'supervisor.stopped',
  'token.refreshed',
  'token.refresh_failed',
  'token.expired',
  'session.reauth_required',
  'session.restored',
  'session.ending',
  'login.pending',
  'config.reloaded',
  'config.invalid',
  'notify.test',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export type Severity = 'info' | 'warning' | 'error';

/** The fields every event has. */
export interface EventBase<T extends EventType> {
  type: T;
  /** ISO-8601 with milliseconds. */
  time: string;
  severity: Severity;
  /** One human sentence. */
  message: string;
}

/** An event about one session. Supervisor-wide events have neither field. */
export interface SessionEventBase<T extends EventType> extends EventBase<T> {
  /** sso-session name; null for a legacy profile's session. */
  session: string | null;
  profiles?: string[];
}

export type SupervisorStartedEvent = EventBase<'supervisor.started'>;
export type SupervisorStoppedEvent = EventBase<'supervisor.stopped'>;
export type ConfigReloadedEvent = EventBase<'config.reloaded'>;

export interface ConfigInvalidEvent extends EventBase<'config.invalid'> {
  /** One line per problem, `FILE:LINE:COL path: message`. */
  errors: string[];
}

export interface TokenRefreshedEvent extends SessionEventBase<'token.refreshed'> {
  /** When the new access token lapses, ISO-8601. */
  expiresAt: string;
}

/**
 * A transient failure outlived its retries. Also published for an export file that could not be
 * written, whose session may not be known (no `session` then).
 */
export interface TokenRefreshFailedEvent extends EventBase<'token.refresh_failed'> {
  session?: string | null;
  profiles?: string[];
  /** Error text of the failure, secret-free. */
  error?: string;
  command?: string;
}

export interface TokenExpiredEvent extends SessionEventBase<'token.expired'> {
  expiresAt: string;
  /** The command a person runs to fix it, e.g. `aws sso login --sso-session corp`. */
  command: string;
}

export interface SessionReauthRequiredEvent extends SessionEventBase<'session.reauth_required'> {
  command: string;
  error?: string;
  /**
   * `reauth.mode: browser`: a one-time link to the daemon's loopback server that starts a browser login.
   * Like a device code, it goes only to private notifiers (and the desktop one) and never to the log.
   */
  loginUrl?: string;
}

export interface SessionRestoredEvent extends SessionEventBase<'session.restored'> {
  /** Absent when the new login's expiry could not be read. */
  expiresAt?: string;
}

/** The Identity Center session or the client registration ends at `expiresAt`. */
export interface SessionEndingEvent extends SessionEventBase<'session.ending'> {
  expiresAt: string;
  command: string;
}

/** A device-code login waits for approval. Goes only to notifiers with `private: true`. */
export interface LoginPendingEvent extends SessionEventBase<'login.pending'> {
  /** The approval page with the code filled in. */
  verificationUri: string;
  userCode: string;
}

/** Sent by `notify test` only, to show that notifications reach a notifier; never by the daemon. */
export type NotifyTestEvent = EventBase<'notify.test'>;

type EventPayload =
  | SupervisorStartedEvent
  | SupervisorStoppedEvent
  | TokenRefreshedEvent
  | TokenRefreshFailedEvent
  | TokenExpiredEvent
  | SessionReauthRequiredEvent
  | SessionRestoredEvent
  | SessionEndingEvent
  | LoginPendingEvent
  | ConfigReloadedEvent
  | ConfigInvalidEvent
  | NotifyTestEvent;

type AnyKey<U> = U extends unknown ? keyof U : never;

/** An event with the fields other events have declared as absent, so they read as `undefined`. */
type Closed<E> = E & { [K in Exclude<AnyKey<EventPayload>, keyof E>]?: undefined };

/** Any event; switch on `type` for its own fields. */
export type SupervisorEvent = EventPayload extends infer E ? (E extends unknown ? Closed<E> : never) : never;

/** The event of one type, e.g. `EventOf<'login.pending'>`. */
export type EventOf<T extends EventType> = Extract<SupervisorEvent, { type: T }>;

// Fails to compile when EVENT_TYPES and the union disagree.
const _everyTypeHasAnEvent: [EventType, SupervisorEvent['type']] extends [SupervisorEvent['type'], EventType]
  ? true
  : never = true;
void _everyTypeHasAnEvent;
