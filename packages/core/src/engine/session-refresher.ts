import pLimit from 'p-limit';
import type { SsoSession } from '../aws-config/discover-sessions';
import { createOidcRefresher, type TokenRefresher } from './oidc-refresher';
import { refreshSession, type RefreshOptions, type RefreshResult } from './refresh-session';

/**
 * The one door every token refresh goes through: the daemon's workers, `exports:` renewals, `credentials`,
 * `token`, `refresh`, `ensureFreshSession` and `fromSupervisor`. Concurrent calls for the same session
 * collapse into one, so two profiles (or a timer and a CLI request) never spend one refresh token twice;
 * a process shares one instance for that to hold. Bounded concurrency for a pass over many sessions.
 */
export class SessionRefresher {
  private readonly inFlight = new Map<string, Promise<RefreshResult>>();
  private readonly limit: ReturnType<typeof pLimit>;

  /** `refresher` defaults to SSO OIDC through the AWS SDK, loaded only when a refresh is due. */
  constructor(
    private readonly refresher: TokenRefresher = createOidcRefresher(),
    concurrency = 16,
  ) {
    this.limit = pLimit(concurrency);
  }

  refresh(session: SsoSession, options: RefreshOptions): Promise<RefreshResult> {
    const running = this.inFlight.get(session.id);
    if (running) return running;
    const started = this.limit(() => refreshSession(session, this.refresher, options)).finally(() =>
      this.inFlight.delete(session.id),
    );
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
