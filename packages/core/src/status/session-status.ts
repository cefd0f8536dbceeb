import type { SsoSession } from '../aws-config/discover-sessions';
import { readCachedToken } from '../cache/read-cached-token';
import { assessToken } from '../engine/assess-token';
import type { SessionRecord } from '../state/state-file';
import { loadSession, type SessionSelection } from '../credentials/resolve-session';

export type SessionState = 'valid' | 'expiring' | 'expired' | 'missing' | 'invalid' | 'reauth_required';

/** One entry of `status --json` (docs/contract.md). Secret-free by construction: no token field is copied. */
export interface SessionStatus {
  name: string | null;
  startUrl: string;
  region: string;
  profiles: string[];
  cacheFile: string;
  state: SessionState;
  expiresAt: string | null;
  secondsLeft: number | null;
  /** Why the state is what it is, for invalid, missing and reauth_required. */
  detail?: string;
  lastRefresh?: string | null;
  nextCheck?: string | null;
  /**
   * How the daemon's last attempt ended (its state file): `refreshed`, or `failed` (will retry),
   * `reauth_required` or `invalid` since `at`, with the secret-free error.
   */
  lastResult?: LastResult;
  /**
   * When the Identity Center session is expected to end: the daemon's last seen login plus the session's
   * `sessionDuration`. Only while the daemon runs, since a stopped one misses new logins.
   */
  sessionEndsAt?: string;
}

export interface LastResult {
  outcome: 'refreshed' | 'failed' | 'reauth_required' | 'invalid';
  at: string;
  error?: string;
}

function lastResultOf(record: SessionRecord): LastResult | undefined {
  const { state, stateSince, lastError } = record;
  if ((state === 'failed' || state === 'reauth_required' || state === 'invalid') && stateSince)
    return { outcome: state, at: stateSince, ...(lastError && { error: lastError }) };
  return record.lastRefresh ? { outcome: 'refreshed', at: record.lastRefresh } : undefined;
}

/** Reads one session's cache file and says how it stands. No network, no AWS SDK. */
export async function readSessionStatus(
  session: SsoSession,
  now: Date,
  thresholdMs: number,
): Promise<SessionStatus> {
  const base = {
    name: session.name,
    startUrl: session.startUrl,
    region: session.region,
    profiles: session.profiles,
    cacheFile: session.cacheFile,
  };
  const read = await readCachedToken(session.cacheFile);
  if (read.status === 'missing') {
    return {
      ...base,
      state: 'missing',
      expiresAt: null,
      secondsLeft: null,
      detail: `run ${session.loginCommand}`,
    };
  }
  if (read.status === 'invalid')
    return { ...base, state: 'invalid', expiresAt: null, secondsLeft: null, detail: read.message };
  const a = assessToken(read.token, now, thresholdMs);
  return {
    ...base,
    state: a.state,
    expiresAt: read.token.expiresAt,
    secondsLeft: a.secondsLeft,
    ...(a.state === 'reauth_required' && { detail: `${a.reason}: run ${session.loginCommand}` }),
  };
}

/**
 * Adds what the daemon knows to what the cache file says: last refresh and its result, next check, the
 * estimated end of the Identity Center session, and a dead refresh token, which the file alone cannot show
 * (it still looks `valid` or `expiring` until someone logs in). The daemon's verdict stands, running or not,
 * until the cache file is written after it (`cacheWrittenAt`, ms): a new login.
 */
export function withDaemonRecord(
  status: SessionStatus,
  record: SessionRecord | undefined,
  running: boolean,
  cacheWrittenAt?: number,
): SessionStatus {
  if (!record) return status;
  const lastResult = lastResultOf(record);
  const merged: SessionStatus = {
    ...status,
    lastRefresh: record.lastRefresh ?? null,
    nextCheck: running ? (record.nextCheck ?? null) : null,
    ...(lastResult && { lastResult }),
    ...(running && record.sessionEndsAt && { sessionEndsAt: record.sessionEndsAt }),
  };
  const since = record.stateSince ? Date.parse(record.stateSince) : NaN;
  const loggedInSince = cacheWrittenAt !== undefined && cacheWrittenAt > since;
  const live = status.state === 'valid' || status.state === 'expiring' || status.state === 'expired';
  if (record.state === 'reauth_required' && live && !loggedInSince) {
    return { ...merged, state: 'reauth_required', detail: record.lastError ?? status.detail };
  }
  return merged;
}

/** How one session stands now, from its cache file alone: no network, no AWS SDK, no refresh. */
export async function getSessionStatus(options: SessionSelection = {}): Promise<SessionStatus> {
  const { setup, session } = await loadSession(options);
  return readSessionStatus(session, new Date(), setup.settingsFor(session).threshold);
}
