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
export { findConfigFile, userConfigFile } from '../config/load-config-file';
export { colourWanted } from '../logging/colour-choice';
export { chooseSessions, type SessionChoice } from '../credentials/choose-session';
export { humanTime, formatDuration, type HumanTime } from '../util/human-time';
export { didYouMean, quoteName } from '../config/error-wording';
export { guardOneShot, type ShutdownIo } from '../engine/shutdown-guard';
