/**
 * The engine: config, AWS config discovery, token cache, refresh, status, events and the notifier
 * contract. Light to load, so `status` starts fast; the daemon's runtime is in `./daemon`.
 */
export {
  EVENT_TYPES,
  type EventType,
  type Severity,
  type SupervisorEvent,
  type EventOf,
  type EventBase,
  type SessionEventBase,
  type SupervisorStartedEvent,
  type SupervisorStoppedEvent,
  type TokenRefreshedEvent,
  type TokenRefreshFailedEvent,
  type TokenExpiredEvent,
  type SessionReauthRequiredEvent,
  type SessionRestoredEvent,
  type SessionEndingEvent,
  type LoginPendingEvent,
  type ConfigReloadedEvent,
  type ConfigInvalidEvent,
} from './events/supervisor-event';
export type { Notifier, NotifierPlugin, NotifierDeps } from './notifiers/notifier-contract';
export type { Logger } from './util/logger';
export { systemClock, type Clock } from './util/clock';
export { SupervisorError } from './errors';
export { ReauthRequiredError } from './errors';
export { TransientError } from './errors';
export { CacheFileError } from './errors';
export { ConfigWriteRefused } from './errors';
export type { SsoSession } from './aws-config/discover-sessions';
export { formatFinding } from './aws-config/read-aws-config';
export { loadSessions } from './aws-config/discover-sessions';
export { readCachedToken } from './cache/read-cached-token';
export { TEMP_SUFFIX } from './cache/write-cached-token';
export { retrySettings } from './engine/aws-clients';
export { createOidcRefresher, type TokenRefresher } from './engine/oidc-refresher';
export type { RefreshResult } from './engine/refresh-session';
export { refreshSession } from './engine/refresh-session';
export { SessionRefresher } from './engine/session-refresher';
export { deviceLogin } from './login/device-login';
export type { LoginResult } from './login/login-types';
export { browserLogin } from './login/browser-login';
export { createOpenBrowser } from './login/open-browser';
export { configuredScopes } from './login/registration-cache';
export { chooseLoginFlow } from './login/choose-login-flow';
export { exclusiveLogin, type ExclusiveLoginResult } from './login/exclusive-login';
export type { LockHolder } from './interprocess/session-lock';
export { migrateLegacyProfiles } from './aws-config/migrate-legacy-profiles';
export { syncProfiles } from './aws-config/sync-profiles';
export { listAccountRoles } from './aws-config/list-account-roles';
export { writeConfigFile } from './aws-config/write-config-file';
export type { LoginProgress } from './login/login-types';
export { readSessionStatus, type SessionStatus } from './status/session-status';
export { resolvePaths } from './paths/resolve-paths';
export { refusalDir } from './state/config-refusal';
export {
  NotifierError,
  httpFailure,
  isNotifierError,
  retryableOf,
  retryAfterMsOf,
  summarizeEvent,
  type EventSummary,
} from '@sso-supervisor/notifier-api';
export { formatIssue } from './config/config-issues';
export type { SupervisorConfig, SessionSettings, NotifierEntry } from './config/supervisor-config';
export { defaultConfig } from './config/supervisor-config';
export { withDaemonRecord } from './status/session-status';
export { readStateFile } from './state/state-file';
export { runningDaemonPid } from './state/lock-file';
export type { RoleCredentials } from './credentials/role-cache';
export type { CredentialsFailure, CredentialsFailureKind } from './errors';
export { CredentialsError } from './errors';
export { type Setup } from './setup/load-setup';
export { loadSetup, type SetupOptions } from './setup/load-setup';
export { resolveSsoProfile } from './credentials/resolve-session';
export { resolveSession } from './credentials/resolve-session';
export { chooseSession, chooseSessions, type SessionChoice } from './credentials/choose-session';
export { colourWanted } from './logging/colour-choice';
export { obtainSessionToken } from './credentials/obtain-session-token';
export { obtainRoleCredentials } from './credentials/obtain-role-credentials';
export { formatCredentials, type CredentialsFormat } from './credentials/format-credentials';
export { type SessionSelection } from './credentials/resolve-session';
// `exec` without a daemon: the broker in the command's own process, for its child's lifetime.
export { CredentialsBroker } from './server/credentials-broker';
export { startBroker, type RunningBroker } from './server/start-broker';
export {
  ensureFreshSession,
  type EnsureFreshSessionOptions,
  type FreshSession,
} from './credentials/ensure-fresh-session';
export { getSessionStatus } from './status/session-status';
export {
  fromSupervisor,
  type FromSupervisorOptions,
  type SupervisorCredentialProvider,
} from './credentials/from-supervisor';
export type { DoctorCheck } from './doctor/doctor-check';
export { runDoctor } from './doctor/run-doctor';
