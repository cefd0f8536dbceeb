/**
 * `@sso-supervisor/notifier-api`: everything a notifier plugin needs from sso-supervisor, and nothing of
 * the host. The contract suite for tests is under `@sso-supervisor/notifier-api/testing`.
 */
export {
  EVENT_TYPES,
  type EventType,
  type Severity,
  type EventBase,
  type SessionEventBase,
  type SupervisorEvent,
  type EventOf,
  type SupervisorStartedEvent,
  type SupervisorStoppedEvent,
  type ConfigReloadedEvent,
  type ConfigInvalidEvent,
  type TokenRefreshedEvent,
  type TokenRefreshFailedEvent,
  type TokenExpiredEvent,
  type SessionReauthRequiredEvent,
  type SessionRestoredEvent,
  type SessionEndingEvent,
  type LoginPendingEvent,
  type NotifyTestEvent,
} from './supervisor-event.js';
export type { Notifier, NotifierDeps, NotifierPlugin, Logger } from './notifier.js';
export { NotifierError, isNotifierError, retryableOf, retryAfterMsOf } from './notifier-error.js';
export { errorText, httpFailure, parseRetryAfter } from './http-failure.js';
export { summarizeEvent, type EventSummary } from './summarize-event.js';
export { cleanEvent } from './clean-event.js';
