import type { SsoSession } from '../aws-config/discover-sessions';
import { readCachedToken, type CacheRead } from '../cache/read-cached-token';
import { assessToken } from '../engine/assess-token';
import type { RetrySettings } from '../engine/aws-clients';
import type { RefreshResult } from '../engine/refresh-session';
import type { CrossProcessLockOptions } from '../engine/cross-process-lock';
import { SessionRefresher } from '../engine/session-refresher';
import type { CredentialsFailure } from '../errors';

export interface SessionTokenOptions {
  /** Refresh first when less than this remains (the session's threshold). */
  thresholdMs: number;
  retry?: RetrySettings;
  now?: () => Date;
  /**
   * The process's single-flight refresher (the daemon's, or one a caller shares), so this refresh joins
   * one already running for the session. Default: a new one over SSO OIDC, closed afterwards.
   */
  refresher?: SessionRefresher;
  /** For the default refresher: the state dir whose lock files keep other processes from refreshing too. */
  locking?: CrossProcessLockOptions;
}

export type SessionTokenOutcome =
  | { ok: true; accessToken: string; expiresAt: string; refreshed: boolean; warning?: string }
  | { ok: false; failure: CredentialsFailure };

/** A token this close to its end is refreshed, or else not handed out: a request could arrive after it. */
const MIN_USABLE_MS = 1000;

function unreadable(session: SsoSession, read: Exclude<CacheRead, { status: 'ok' }>): SessionTokenOutcome {
  const command = session.loginCommand;
  if (read.status === 'missing') {
    const message = `no cached SSO token for ${session.name ?? session.profiles[0]} at ${session.cacheFile}: run ${command}`;
    return { ok: false, failure: { kind: 'login_required', message, command } };
  }
  return {
    ok: false,
    failure: { kind: 'invalid_cache', message: `${read.message}; run ${command}`, command },
  };
}

function refreshFailure(session: SsoSession, result: RefreshResult | undefined): CredentialsFailure {
  const command = result?.command ?? session.loginCommand;
  if (result?.outcome === 'failed') return { kind: 'unavailable', message: result.error! };
  if (result?.outcome === 'reauth_required')
    return { kind: 'login_required', message: result.error!, command };
  const message = `the SSO token in ${session.cacheFile} has expired and was not renewed: run ${command}`;
  return { kind: 'login_required', message, command };
}

/**
 * The session's access token, refreshed first through the engine when due. A refresh that fails while
 * the token still works is a warning, not a failure; a newer token another process wrote meanwhile wins.
 */
export async function obtainSessionToken(
  session: SsoSession,
  options: SessionTokenOptions,
): Promise<SessionTokenOutcome> {
  const now = options.now ?? (() => new Date());
  let read = await readCachedToken(session.cacheFile);
  if (read.status !== 'ok') return unreadable(session, read);
  const before = read.raw;
  let result: RefreshResult | undefined;
  if (assessToken(read.token, now(), Math.max(options.thresholdMs, MIN_USABLE_MS)).due) {
    const refresher = options.refresher ?? new SessionRefresher(undefined, undefined, options.locking);
    try {
      result = await refresher.refresh(session, {
        thresholdMs: options.thresholdMs,
        retry: options.retry,
        now,
      });
    } finally {
      if (!options.refresher) refresher.destroy();
    }
    // Re-read even after a failure: a concurrent refresh by another process may have spent our refresh token.
    read = await readCachedToken(session.cacheFile);
    if (read.status !== 'ok') return unreadable(session, read);
  }
  const { token } = read;
  if (Date.parse(token.expiresAt) - now().getTime() < MIN_USABLE_MS) {
    return { ok: false, failure: refreshFailure(session, result) };
  }
  // A failed refresh matters only if nobody else renewed the token meanwhile.
  const failed = result !== undefined && result.outcome !== 'refreshed' && read.raw === before;
  return {
    ok: true,
    accessToken: token.accessToken,
    expiresAt: token.expiresAt,
    refreshed: result?.outcome === 'refreshed',
    ...(failed && result?.error && { warning: `${result.error} (the current token still works)` }),
  };
}
