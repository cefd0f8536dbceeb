import pLimit from 'p-limit';
import type { SsoSession } from '../aws-config/discover-sessions';
import { createOidcRefresher, type TokenRefresher } from './oidc-refresher';
import { refreshSession, type RefreshOptions, type RefreshResult } from './refresh-session';
import { CrossProcessLock, type CrossProcessLockOptions } from './cross-process-lock';

/**
 * The one door every token refresh goes through: the daemon's workers, `exports:` renewals, `credentials`,
 * `token`, `refresh`, `ensureFreshSession` and `fromSupervisor`. Concurrent calls for the same session
 * collapse into one, so two profiles (or a timer and a CLI request) never spend one refresh token twice;
 * a process shares one instance for that to hold. With `locking`, the pass also runs under the session's
 * lock file in the state dir, so separate processes on this machine do not spend it twice either.
 * Bounded concurrency for a pass over many sessions.
 */
export class SessionRefresher {
  private readonly inFlight = new Map<string, Promise<RefreshResult>>();
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly lock?: CrossProcessLock;

  /** `refresher` defaults to SSO OIDC through the AWS SDK, loaded only when a refresh is due. */
  constructor(
    private readonly refresher: TokenRefresher = createOidcRefresher(),
    concurrency = 16,
    locking?: CrossProcessLockOptions,
  ) {
    this.limit = pLimit(concurrency);
    if (locking) this.lock = new CrossProcessLock(locking);
  }

  refresh(session: SsoSession, options: RefreshOptions): Promise<RefreshResult> {
    const running = this.inFlight.get(session.id);
    if (running) return running;
    const pass = (o: RefreshOptions) => refreshSession(session, this.refresher, o);
    const started = this.limit(() =>
      this.lock ? this.lock.around(session, options, pass) : pass(options),
    ).finally(() => this.inFlight.delete(session.id));
    this.inFlight.set(session.id, started);
    return started;
  }

  refreshAll(sessions: SsoSession[], options: (s: SsoSession) => RefreshOptions): Promise<RefreshResult[]> {
    return Promise.all(sessions.map((s) => this.refresh(s, options(s))));
  }

  /** Closes the AWS clients; for the process (or the caller) that made this refresher. */
  destroy(): void {
    this.refresher.destroy();
  }
}
