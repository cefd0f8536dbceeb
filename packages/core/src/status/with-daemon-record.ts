import type { SessionRecord } from '../state/state-file';
import type { SessionStatus } from './session-status';

/**
 * Adds what the daemon knows to what the cache file says: last refresh, next check, the estimated end of
 * the Identity Center session, and a dead refresh token, which the file alone cannot show (it still looks
 * merely `expiring` until someone logs in).
 */
export function withDaemonRecord(
  status: SessionStatus,
  record: SessionRecord | undefined,
  running: boolean,
): SessionStatus {
  if (!record) return status;
  const merged: SessionStatus = {
    ...status,
    lastRefresh: record.lastRefresh ?? null,
    nextCheck: running ? (record.nextCheck ?? null) : null,
    ...(running && record.sessionEndsAt && { sessionEndsAt: record.sessionEndsAt }),
  };
  const waitingForLogin = running && record.state === 'reauth_required';
  if (waitingForLogin && (status.state === 'expiring' || status.state === 'expired')) {
    return { ...merged, state: 'reauth_required', detail: record.lastError ?? status.detail };
  }
  return merged;
}
