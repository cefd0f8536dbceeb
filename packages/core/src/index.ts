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
export { EventBus, logEvent, type EventListener } from './events/event-bus';
export type { Notifier, NotifierPlugin, NotifierDeps } from './notifiers/notifier-contract';
export type { Logger } from './util/logger';
export { systemClock, type Clock } from './util/clock';
export { TOKENS } from './di/tokens';
export { SupervisorError } from './errors/supervisor-error';
export { ReauthRequiredError } from './errors/reauth-required-error';
export { TransientError } from './errors/transient-error';
export { CacheFileError } from './errors/cache-file-error';
export type { SsoSession } from './aws-config/sso-session';
export { formatFinding, type AwsConfigFinding } from './aws-config/aws-config-finding';
export { readAwsConfig, type AwsConfigData } from './aws-config/read-aws-config';
export { discoverSessions, type DiscoveredSessions } from './aws-config/discover-sessions';
export { loadSessions } from './aws-config/load-sessions';
export { cacheFilePath } from './cache/cache-file-path';
export { cachedTokenSchema, type CachedToken } from './cache/cached-token';
export { readCachedToken, type CacheRead } from './cache/read-cached-token';
export { formatCachedToken, formatTimestamp } from './cache/format-cached-token';
export { openCacheWrite, writeCachedToken, TEMP_SUFFIX, type PendingWrite } from './cache/write-cached-token';
export { assessToken, type TokenAssessment, type TokenState } from './engine/assess-token';
export { DEFAULT_RETRY, backoffDelay, type RetrySettings } from './engine/retry-settings';
export { classifyOidcError } from './engine/classify-oidc-error';
export {
  createOidcRefresher,
  type TokenRefresher,
  type RefreshGrant,
  type RefreshedToken,
} from './engine/oidc-refresher';
export type { RefreshResult, RefreshOutcome } from './engine/refresh-result';
export { refreshSession, type RefreshOptions } from './engine/refresh-session';
export { SessionRefresher } from './engine/session-refresher';
export { secretRecordingRefresher } from './engine/secret-recording-refresher';
export { deviceLogin, type DeviceLoginOptions } from './login/device-login';
export type { LoginResult, LoginOutcome } from './login/login-result';
export type { LoginProgress } from './login/login-progress';
export type { Sleep } from './login/abortable-sleep';
export { supervisorLoginCommand } from './login/supervisor-login-command';
export { readSessionStatus, type SessionStatus, type SessionState } from './status/session-status';
export { resolvePaths, type ResolvedPaths, type PathInputs } from './paths/resolve-paths';
export { NotifierError, httpFailure } from './notifiers/notifier-contract';
export { summarizeEvent, type EventSummary } from './notifiers/summarize-event';
export type { ParseConfigOptions } from './config/parse-config';
export type { ParseResult } from './config/parse-result';
export type { ConfigIssue } from './config/config-issue';
export { formatIssue } from './config/format-issue';
export type {
  SupervisorConfig,
  SessionSettings,
  SessionSelector,
  NotifierEntry,
  LogLevel,
} from './config/supervisor-config';
export { defaultConfig } from './config/default-config';
export { findConfigFile, type FindConfigFileOptions } from './config/find-config-file';
export { loadConfigFile, type LoadConfigFileOptions } from './config/load-config-file';
export { parseDuration } from './config/parse-duration';
export { parseSize } from './config/parse-size';
export { selectSessions, type SupervisedSession } from './supervisor/select-sessions';
export type { WorkerState } from './supervisor/worker-state';
export { withDaemonRecord } from './status/with-daemon-record';
export { readStateFile, type StateFileRead } from './daemon/read-state-file';
export { runningDaemonPid } from './daemon/running-daemon-pid';
export type { StateFile, SessionRecord } from './daemon/state-file';
export type { RoleCredentials } from './credentials/role-credentials';
export type { CredentialsFailure, CredentialsFailureKind } from './credentials/credentials-failure';
export { CredentialsError } from './credentials/credentials-error';
export type { SsoProfile } from './credentials/sso-profile';
export { buildCredentialsSetup, type CredentialsSetup } from './credentials/credentials-setup';
export { loadCredentialsSetup, type SetupOptions } from './credentials/load-credentials-setup';
export { resolveSsoProfile } from './credentials/resolve-sso-profile';
export { findSession } from './credentials/find-session';
export {
  obtainSessionToken,
  type SessionTokenOptions,
  type SessionTokenOutcome,
} from './credentials/obtain-session-token';
export { classifyPortalError, type PortalTarget } from './credentials/classify-portal-error';
export {
  createPortalClient,
  type RoleCredentialsFetcher,
  type RoleRequest,
  type RoleFetch,
} from './credentials/portal-client';
export { roleCacheFile, ROLE_CACHE_DIR } from './credentials/role-cache-file';
export { readRoleCache } from './credentials/read-role-cache';
export { writeRoleCache } from './credentials/write-role-cache';
export {
  obtainRoleCredentials,
  DEFAULT_MIN_REMAINING_MS,
  type RoleCredentialsOptions,
  type RoleCredentialsOutcome,
} from './credentials/obtain-role-credentials';
export {
  formatCredentials,
  CREDENTIALS_FORMATS,
  type CredentialsFormat,
} from './credentials/format-credentials';
export { locateSession, type SessionSelection } from './credentials/locate-session';
export {
  ensureFreshSession,
  type EnsureFreshSessionOptions,
  type FreshSession,
} from './credentials/ensure-fresh-session';
export { getSessionStatus } from './credentials/get-session-status';
export {
  fromSupervisor,
  type FromSupervisorOptions,
  type SupervisorCredentialProvider,
} from './credentials/from-supervisor';
export type { DoctorCheck, DoctorStatus } from './doctor/doctor-check';
export { runDoctor, type DoctorOptions } from './doctor/run-doctor';
export { probeEndpoint, type EndpointProbe, type ProbeResult } from './doctor/probe-endpoint';
export { ssoEndpoints, type SsoEndpoints } from './doctor/sso-endpoints';
