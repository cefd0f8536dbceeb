import type { SsoSession } from '../aws-config/discover-sessions';
import {
  type CachedToken,
  contentFingerprint,
  formatCachedToken,
  formatTimestamp,
} from '../cache/cached-token';
import { readCachedToken, type CacheRead } from '../cache/read-cached-token';
import { waitForChange } from '../cache/wait-for-change';
import { openCacheWrite, type PendingWrite } from '../cache/write-cached-token';
import { IncompleteRefreshError, ReauthRequiredError, SupervisorError } from '../errors';
import { assessToken } from './assess-token';
import { DEFAULT_RETRY, type RetrySettings } from './aws-clients';
import type { TokenRefresher } from './oidc-refresher';
import { trackRefresh } from './refreshes-in-flight';

export type RefreshOutcome = 'refreshed' | 'skipped' | 'reauth_required' | 'failed' | 'invalid';

/** One session's result of a refresh pass (docs/contract.md, `refresh --json`). Secret-free. */
export interface RefreshResult {
  session: string | null;
  /** The session's stable id (name, or `legacy:<startUrl>`). */
  id: string;
  outcome: RefreshOutcome;
  expiresAt?: string;
  error?: string;
  /** What a person runs, when one must act. */
  command?: string;
  /** What the pass saw in the cache file, for the login watcher. Not enumerable: see withCacheView. */
  readonly cache?: CacheView;
}

/** What a pass decided on and left in the cache file: fingerprints, never the content (it holds secrets). */
export interface CacheView {
  /** contentFingerprint of the content the pass decided on; null: no file. */
  decidedOn: string | null;
  /** contentFingerprint of what the pass left: what it wrote, else what it decided on. */
  left: string | null;
  /** The client registration's end in what the pass left. */
  registrationExpiresAt?: string;
}

/**
 * Attaches `view` as a non-enumerable property: `refresh --json` and log lines serialise results as they
 * are, and the contract's result shape has no room for it. A spread copy drops it; the login watcher
 * reads the very result the refresher returned.
 */
export function withCacheView<R extends RefreshResult>(result: R, view: CacheView): R {
  return Object.defineProperty(result, 'cache', { value: view, enumerable: false });
}

/** The view of a pass that decided on `read` and, when it wrote, left `wrote`. */
function viewOf(read: CacheRead, wrote?: CachedToken): CacheView {
  const decidedOn = contentFingerprint(read.raw);
  const left = wrote ? contentFingerprint(formatCachedToken(wrote)) : decidedOn;
  const registrationExpiresAt =
    wrote?.registrationExpiresAt ?? (read.status === 'ok' ? read.token.registrationExpiresAt : undefined);
  return { decidedOn, left, ...(registrationExpiresAt && { registrationExpiresAt }) };
}

export interface RefreshOptions {
  thresholdMs: number;
  force?: boolean;
  now?: () => Date;
  /**
   * Stops the pass. Before CreateToken is sent it stops at once; once sent, the refresh token may already
   * be spent at AWS, so the answer still gets the request timeout to arrive and be written.
   */
  signal?: AbortSignal;
  retry?: RetrySettings;
  /** After a rejected refresh token, how long a rival's token gets to land in the file. */
  peerWaitMs?: number;
}

/** Someone else wrote the file between our read and our rename; look again this many times. */
const MAX_REEVALUATIONS = 2;
/** How long another writer gets to finish a broken-looking file (the AWS CLI writing a login in place). */
const OTHER_WRITER_MS = 500;
/**
 * After InvalidGrant, how long a rival refresher that spent the refresh token first (botocore, the AWS CLI,
 * another process of ours) gets to write what it won. Its write may land seconds after its CreateToken
 * (fsync on a slow disk); a person is told to log in only when nothing better arrived by then.
 */
export const PEER_WAIT_MS = 5000;

/**
 * Marks CreateToken as in flight until its answer is written. A stop (`signal`, or a shutdown of the
 * process) before it is sent cancels it; once sent, the call gets its request timeout to answer and is cut
 * off only after that, because the refresh token it carries may already be spent at AWS.
 */
function startFlight(session: SsoSession, options: RefreshOptions): { signal: AbortSignal; done(): void } {
  const wire = new AbortController();
  if (options.signal?.aborted) wire.abort();
  const tracked = trackRefresh(
    session.name ?? session.startUrl,
    (options.retry ?? DEFAULT_RETRY).timeout,
    () => wire.abort(),
  );
  const stop = () => tracked.finishBy();
  options.signal?.addEventListener('abort', stop);
  return {
    signal: wire.signal,
    done() {
      options.signal?.removeEventListener('abort', stop);
      tracked.done();
    },
  };
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
  let read: CacheRead = { status: 'missing', raw: null };
  for (let round = 0; round <= MAX_REEVALUATIONS; round++) {
    read = await readCachedToken(session.cacheFile);
    const decided = read;
    // Every result carries what it was decided on, and what a write of ours left.
    const seen = (result: RefreshResult, wrote?: CachedToken) =>
      withCacheView(result, viewOf(decided, wrote));
    if (read.status === 'missing') {
      return seen({
        ...base,
        outcome: 'reauth_required',
        error: `no cached token at ${session.cacheFile}: run ${session.loginCommand}`,
        command: session.loginCommand,
      });
    }
    if (read.status === 'invalid') {
      // A file that changes under us is not judged: past the last round it is failed, `kept changing`.
      if (await waitForChange(session.cacheFile, read.raw, OTHER_WRITER_MS)) continue;
      return seen({ ...base, outcome: 'invalid', error: read.message });
    }
    const { token } = read;
    const assessment = assessToken(token, now(), options.thresholdMs);
    if (!assessment.due && !force) return seen({ ...base, outcome: 'skipped', expiresAt: token.expiresAt });
    if (!assessment.refreshable) {
      return seen({
        ...base,
        outcome: 'reauth_required',
        error: `${assessment.reason}: run ${session.loginCommand}`,
        command: session.loginCommand,
        expiresAt: token.expiresAt,
      });
    }
    let pending: PendingWrite | undefined;
    let flight: ReturnType<typeof startFlight> | undefined;
    let wrote: CachedToken | undefined;
    try {
      pending = await openCacheWrite(session.cacheFile);
      flight = startFlight(session, options);
      const fresh = await refresher.refresh(
        {
          region: session.region,
          clientId: token.clientId!,
          clientSecret: token.clientSecret!,
          refreshToken: token.refreshToken!,
          loginCommand: session.loginCommand,
        },
        flight.signal,
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
      flight.done();
      if (written.written) return seen({ ...base, outcome: 'refreshed', expiresAt }, next);
      force = false;
    } catch (error) {
      if (error instanceof IncompleteRefreshError && pending) {
        // The old access token stays; the new refresh token must, or the next refresh spends a dead one.
        const next = { ...token, refreshToken: error.refreshToken };
        const written = await pending.commit(next, read.raw).catch(() => undefined);
        if (written?.written) wrote = next;
      } else await pending?.abort();
      flight?.done();
      if (error instanceof ReauthRequiredError) {
        // Another refresher (a one-shot `refresh`, the AWS CLI) may have spent the refresh token just before
        // us: then the token it writes is the answer, not a login.
        if (await waitForChange(session.cacheFile, read.raw, options.peerWaitMs ?? PEER_WAIT_MS)) {
          force = false;
          continue;
        }
        return seen(
          {
            ...base,
            outcome: 'reauth_required',
            error: error.message,
            command: error.command,
            expiresAt: token.expiresAt,
          },
          wrote,
        );
      }
      const message = error instanceof SupervisorError ? error.message : `refresh failed: ${String(error)}`;
      return seen({ ...base, outcome: 'failed', error: message, expiresAt: token.expiresAt }, wrote);
    }
  }
  return withCacheView(
    {
      ...base,
      outcome: 'failed',
      error: `${session.cacheFile}: kept changing while we refreshed; will look again`,
    },
    viewOf(read),
  );
}
