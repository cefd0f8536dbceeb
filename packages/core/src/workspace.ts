/**
 * What `status` and the other one-shot commands need to find and read sessions: config, AWS config,
 * cache and state files. `@sso-supervisor/core/workspace`: the lightest entry, so `status` loads nothing
 * else (no AWS SDK, no login, credentials or daemon code).
 */
export { loadConfigFile } from './config/load-config-file';
export { formatIssue } from './config/format-issue';
export { resolvePaths } from './paths/resolve-paths';
export { loadSessions } from './aws-config/load-sessions';
export { formatFinding } from './aws-config/aws-config-finding';
export { selectSessions } from './supervisor/select-sessions';
export { readCachedToken } from './cache/read-cached-token';
export { readSessionStatus } from './status/session-status';
export { withDaemonRecord } from './status/with-daemon-record';
export { readStateFile } from './state/state-file';
export { runningDaemonPid } from './state/lock-file';
