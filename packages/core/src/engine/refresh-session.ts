import type { SsoSession } from '../aws-config/discover-sessions';
import { readCachedToken } from '../cache/read-cached-token';
import { openCacheWrite, type PendingWrite } from '../cache/write-cached-token';
import { formatTimestamp } from '../cache/format-cached-token';
import { IncompleteRefreshError } from '../errors/incomplete-refresh-error';
import { SupervisorError } from '../errors/supervisor-error';
import { ReauthRequiredError } from '../errors/reauth-required-error';
import { assessToken } from './assess-token';
import type { TokenRefresher } from './oidc-refresher';
import type { RetrySettings } from './retry-settings';
import type { RefreshResult } from './refresh-result';

export interface RefreshOptions {
  thresholdMs: number;
  force?: boolean;
  now?: () => Date;
  signal?: AbortSignal;
  retry?: RetrySettings;
  /** Told the cache file's content each pass decided on (null: no file), so a caller can wait for it to change. */
  onRead?: (raw: string | null) => void;
}

/** Someone else wrote the file between our read and our rename; look again this many times. */
const MAX_REEVALUATIONS = 2;
/**
 * How long another writer gets to finish before what we saw counts: a rival refresher writing the token it
 * won, or the AWS CLI rewriting the file in place (a login caught half-written).
 */
const OTHER_WRITER_MS = 500;

/** Whether the file stops holding `raw` within `ms`. */
async function changesWithin(file: string, raw: string | null, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline;) {
    if ((await readCachedToken(file)).raw !== raw) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return (await readCachedToken(file)).raw !== raw;
}

/**
 * One session, one pass: read, decide, refresh, write. Never throws; every failure is a result.
 * A newer token written by another tool meanwhile always wins.
 */
export async function refreshSession(
  session: SsoSession,
  refresher: TokenRefresher,
  options: RefreshOptions,
): Promise<RefreshResult> {
  const now = options.now ?? (() => new Date());
  const base = { session: session.name, id: session.id };
  let force = options.force ?? false;
  for (let round = 0; round <= MAX_REEVALUATIONS; round++) {
    const read = await readCachedToken(session.cacheFile);
    options.onRead?.(read.raw);
    if (read.status === 'missing') {
      return {
        ...base,
        outcome: 'reauth_required',
        error: `no cached token at ${session.cacheFile}: run ${session.loginCommand}`,
        command: session.loginCommand,
      };
    }
    if (read.status === 'invalid') {
      // A file that changes under us is not judged: past the last round it is failed, `kept changing`.
      if (await changesWithin(session.cacheFile, read.raw, OTHER_WRITER_MS)) continue;
      return { ...base, outcome: 'invalid', error: read.message };
    }
    const { token } = read;
    const assessment = assessToken(token, now(), options.thresholdMs);
    if (!assessment.due && !force) return { ...base, outcome: 'skipped', expiresAt: token.expiresAt };
    if (!assessment.refreshable) {
      return {
        ...base,
        outcome: 'reauth_required',
        error: `${assessment.reason}: run ${session.loginCommand}`,
        command: session.loginCommand,
        expiresAt: token.expiresAt,
      };
    }
    let pending: PendingWrite | undefined;
    try {
      pending = await openCacheWrite(session.cacheFile);
      const fresh = await refresher.refresh(
        {
          region: session.region,
          clientId: token.clientId!,
          clientSecret: token.clientSecret!,
          refreshToken: token.refreshToken!,
          loginCommand: session.loginCommand,
        },
        options.signal,
        options.retry,
      );
      const expiresAt = formatTimestamp(new Date(now().getTime() + fresh.expiresIn * 1000));
      // No refresh token in the response means the old one stays valid; dropping it would end silent refresh.
      const next = {
        ...token,
        accessToken: fresh.accessToken,
        expiresAt,
        refreshToken: fresh.refreshToken ?? token.refreshToken,
      };
      const written = await pending.commit(next, read.raw);
      if (written.written) return { ...base, outcome: 'refreshed', expiresAt };
      force = false;
    } catch (error) {
      if (error instanceof IncompleteRefreshError && pending) {
        // The old access token stays; the new refresh token must, or the next refresh spends a dead one.
        const next = { ...token, refreshToken: error.refreshToken };
        await pending.commit(next, read.raw).catch(() => undefined);
      } else await pending?.abort();
      if (error instanceof ReauthRequiredError) {
        // Another refresher (a one-shot `refresh`, the AWS CLI) may have spent the refresh token just before
        // us: then the token it writes is the answer, not a login.
        if (await changesWithin(session.cacheFile, read.raw, OTHER_WRITER_MS)) {
          force = false;
          continue;
        }
        return {
          ...base,
          outcome: 'reauth_required',
          error: error.message,
          command: error.command,
          expiresAt: token.expiresAt,
        };
      }
      const message = error instanceof SupervisorError ? error.message : `refresh failed: ${String(error)}`;
      return { ...base, outcome: 'failed', error: message, expiresAt: token.expiresAt };
    }
  }
  return {
    ...base,
    outcome: 'failed',
    error: `${session.cacheFile}: kept changing while we refreshed; will look again`,
  };
}
