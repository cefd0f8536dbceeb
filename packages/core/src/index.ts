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
export { SupervisorError } from './errors';
export { ReauthRequiredError } from './errors';
export { TransientError } from './errors';
export { CacheFileError } from './errors';
export type { SsoSession } from './aws-config/discover-sessions';
export { formatFinding, type AwsConfigFinding } from './aws-config/read-aws-config';
export { readAwsConfig, type AwsConfigData } from './aws-config/read-aws-config';
export { discoverSessions, type DiscoveredSessions } from './aws-config/discover-sessions';
export { loadSessions } from './aws-config/discover-sessions';
export { cacheFilePath } from './cache/cached-token';
export { cachedTokenSchema, type CachedToken } from './cache/cached-token';
export { readCachedToken, type CacheRead } from './cache/read-cached-token';
export { formatCachedToken, formatTimestamp } from './cache/cached-token';
export { openCacheWrite, writeCachedToken, TEMP_SUFFIX, type PendingWrite } from './cache/write-cached-token';
export { assessToken, type TokenAssessment, type TokenState } from './engine/assess-token';
export { DEFAULT_RETRY, backoffDelay, retrySettings, type RetrySettings } from './engine/aws-clients';
export { classifyOidcError } from './engine/oidc-refresher';
export {
  createOidcRefresher,
  type TokenRefresher,
  type RefreshGrant,
  type RefreshedToken,
} from './engine/oidc-refresher';
export type { RefreshResult, RefreshOutcome, CacheView } from './engine/refresh-session';
export { refreshSession, type RefreshOptions } from './engine/refresh-session';
export { SessionRefresher } from './engine/session-refresher';
export { secretRecordingRefresher } from './engine/oidc-refresher';
export { deviceLogin, type DeviceLoginOptions } from './login/device-login';
export type { LoginResult, LoginOutcome } from './login/login-types';
export type { LoginProgress } from './login/login-types';
export type { Sleep } from './login/login-types';
export { supervisorLoginCommand } from './login/login-types';
export { readSessionStatus, type SessionStatus, type SessionState } from './status/session-status';
export { resolvePaths, type ResolvedPaths, type PathInputs } from './paths/resolve-paths';
export { NotifierError, httpFailure } from './notifiers/notifier-contract';
export { summarizeEvent, type EventSummary } from './notifiers/summarize-event';
export type { ParseConfigOptions } from './config/parse-config';
export type { ParseResult } from './config/config-issues';
export type { ConfigIssue } from './config/config-issues';
export { formatIssue } from './config/config-issues';
export type {
  SupervisorConfig,
  SessionSettings,
  SessionSelector,
  NotifierEntry,
  LogLevel,
} from './config/supervisor-config';
export { defaultConfig } from './config/supervisor-config';
export { findConfigFile, type FindConfigFileOptions } from './config/load-config-file';
export { loadConfigFile, type LoadConfigFileOptions } from './config/load-config-file';
export { parseDuration } from './config/parse-values';
export { parseSize } from './config/parse-values';
export { selectSessions, type SupervisedSession } from './config/session-settings';
export type { WorkerState } from './supervisor/worker-state';
export { withDaemonRecord } from './status/session-status';
export { readStateFile, type StateFileRead } from './state/state-file';
export { runningDaemonPid } from './state/lock-file';
export type { StateFile, SessionRecord } from './state/state-file';
export type { RoleCredentials } from './credentials/role-cache';
export type { CredentialsFailure, CredentialsFailureKind } from './errors';
export { CredentialsError } from './errors';
export type { SsoProfile } from './credentials/resolve-session';
export { buildSetup, type Setup } from './setup/load-setup';
export { loadSetup, type SetupLoad, type SetupOptions } from './setup/load-setup';
export { resolveSsoProfile } from './credentials/resolve-session';
export { findSession, resolveSession, type SessionLookup } from './credentials/resolve-session';
export { chooseSession, chooseSessions, type SessionChoice } from './credentials/choose-session';
export { colourWanted } from './logging/colour-choice';
export {
  obtainSessionToken,
  type SessionTokenOptions,
  type SessionTokenOutcome,
} from './credentials/obtain-session-token';
export { classifyPortalError, type PortalTarget } from './credentials/portal-client';
export {
  createPortalClient,
  type RoleCredentialsFetcher,
  type RoleRequest,
  type RoleFetch,
} from './credentials/portal-client';
export { roleCacheFile, ROLE_CACHE_DIR } from './credentials/role-cache';
export { readRoleCache } from './credentials/role-cache';
export { writeRoleCache } from './credentials/role-cache';
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
export { loadSession, type SessionSelection } from './credentials/resolve-session';
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
export type { DoctorCheck, DoctorStatus } from './doctor/doctor-check';
export { runDoctor, type DoctorOptions } from './doctor/run-doctor';
export { probeEndpoint, type EndpointProbe, type ProbeResult } from './doctor/endpoint-checks';
export { ssoEndpoints, type SsoEndpoints } from './doctor/endpoint-checks';
