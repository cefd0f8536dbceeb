import pLimit from 'p-limit';
import type { SsoSession } from '../aws-config/discover-sessions';
import type { TokenRefresher } from './oidc-refresher';
import type { RefreshResult } from './refresh-result';
import { refreshSession, type RefreshOptions } from './refresh-session';

/**
 * One pass over many sessions with bounded concurrency. Concurrent calls for the same session collapse
 * into one, so two profiles (or a timer and a CLI request) never spend one refresh token twice.
 */
export class SessionRefresher {
  private readonly inFlight = new Map<string, Promise<RefreshResult>>();
  private readonly limit: ReturnType<typeof pLimit>;

  constructor(
    private readonly refresher: TokenRefresher,
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
}
