/**
 * What `status` and the other one-shot commands need to find and read sessions: config, AWS config,
 * cache and state files. `@sso-supervisor/core/setup`: the lightest entry, so `status` loads nothing
 * else (no AWS SDK, no login, credentials or daemon code).
 */
export { loadSetup, type Setup, type SetupLoad, type SetupOptions } from './load-setup';
export { formatIssue, type ConfigIssue } from '../config/config-issues';
export { resolvePaths } from '../paths/resolve-paths';
export { loadSessions } from '../aws-config/discover-sessions';
export { formatFinding } from '../aws-config/read-aws-config';
export { readCachedToken } from '../cache/read-cached-token';
export {
  readSessionStatus,
  withDaemonRecord,
  type LastResult,
  type SessionStatus,
} from '../status/session-status';
export { readStateFile } from '../state/state-file';
export { runningDaemonPid } from '../state/lock-file';
export {
  readConfigRefusal,
  refusalDir,
  refusalFix,
  REFUSAL_FILE_NAME,
  type ConfigRefusal,
} from '../state/config-refusal';
export { findStatusPage, type StatusPageLookup } from '../server/find-status-page';
export { findConfigFile, userConfigFile } from '../config/load-config-file';
export { colourWanted } from '../logging/colour-choice';
export { chooseSession, chooseSessions, type SessionChoice } from '../credentials/choose-session';
export { humanTime, formatDuration, type HumanTime } from '../util/human-time';
export { didYouMean, quoteName } from '../config/error-wording';
export { guardOneShot, type ShutdownIo } from '../engine/shutdown-guard';
// The daemon's control channel, client side (node:net and node:fs only), and what credential_process needs
// to print its answer: `credentials` and `token` load nothing heavier when the daemon answers.
export { askDaemon, type DaemonAnswer, type NoDaemonReason } from '../interprocess/control-client';
export { FAILURE_CODE_PREFIX, type ControlResults } from '../interprocess/control-protocol';
export { resolveSession, resolveSsoProfile, type SsoProfile } from '../credentials/resolve-session';
export { formatCredentials, type CredentialsFormat } from '../credentials/format-credentials';
// The credential broker's client side (node:http and node:fs only): `env` and `exec` find the daemon's.
export { findDaemonBroker, askBroker, type BrokerEndpoint, type BrokerReply } from '../server/broker-client';
export {
  brokerVariables,
  staticVariables,
  applyVariables,
  formatVariables,
  BROKER_ENV_FORMATS,
  type BrokerEnvFormat,
  type JobVariables,
} from '../server/broker-env';
// A role-cache hit is answered from the file: no daemon round trip, no core index, no AWS SDK.
export { readRoleCache, roleCacheFile } from '../credentials/role-cache';
