import type { SupervisedSession } from '../config/session-settings';
import { retrySettings } from '../engine/aws-clients';
import { browserLogin } from '../login/browser-login';
import { exclusiveLogin } from '../login/exclusive-login';
import type { LoginResult } from '../login/login-types';
import { configuredScopes } from '../login/registration-cache';
import type { Setup } from '../setup/load-setup';
import type { Logger } from '../util/logger';

/** Where to send the browser, or why no login could start. */
export type LoginStart = { authorizeUrl: string } | { error: string };

export interface DaemonLoginsDeps {
  setup: () => Setup;
  logger: Logger;
  /** A login was written: check the session now, so session.restored goes out at once. */
  onLoggedIn: (sessionId: string) => void;
  /** How long a person has in the browser; default 10 minutes, as the AWS CLI waits. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10 * 60_000;

/**
 * The authorization-code login with PKCE, run inside the daemon for a one-time link or the status page's
 * button: the same `browserLogin` as `sso-supervisor login` (its own callback listener on a free
 * 127.0.0.1 port, the state check, the registration cache, the atomic cache write), but instead of
 * opening a browser it hands the authorize URL to the request that asked, which redirects to it.
 * One login per session: a second request while one runs is sent to the same authorize page, and a
 * `login` running in another process holds the session's login lock, which is not waited for.
 */
export class DaemonLogins {
  private readonly running = new Map<string, Promise<LoginStart>>();
  private readonly ended = new Set<Promise<void>>();
  private readonly stopping = new AbortController();

  constructor(private readonly deps: DaemonLoginsDeps) {}

  isRunning(sessionId: string): boolean {
    return this.running.has(sessionId);
  }

  start(supervised: SupervisedSession): Promise<LoginStart> {
    const { session } = supervised;
    const joined = this.running.get(session.id);
    if (joined) return joined;
    if (this.stopping.signal.aborted) return Promise.resolve({ error: 'the daemon is stopping' });
    let announce!: (start: LoginStart) => void;
    const started = new Promise<LoginStart>((resolve) => (announce = resolve));
    this.running.set(session.id, started);
    const { logger } = this.deps;
    const setup = this.deps.setup();
    logger.info('browser login started', { session: session.id });
    const { signal } = this.stopping;
    const run = () =>
      browserLogin(session, {
        cacheDir: setup.paths.cacheDir,
        configuredScopes: configuredScopes(setup.awsConfig, session),
        timeoutMs: this.deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        retry: retrySettings(supervised.settings),
        signal,
        openBrowser: async (url) => announce({ authorizeUrl: url }),
      });
    const ended = exclusiveLogin(session, run, { stateDir: setup.paths.stateDir, waitMs: 0, signal })
      .catch((error: unknown): LoginResult => ({
        session: session.name,
        id: session.id,
        outcome: 'failed',
        error: String(error),
      }))
      .then((result) => {
        this.running.delete(session.id);
        // Before the browser was sent anywhere: the request that asked shows why.
        announce({ error: result.error ?? `the login ended: ${result.outcome}` });
        const fields = { session: session.id, outcome: result.outcome };
        if (result.outcome !== 'logged_in') {
          logger.warn('browser login ended without a token', { ...fields, error: result.error });
          return;
        }
        logger.info('browser login finished; cache file written', { ...fields, expiresAt: result.expiresAt });
        this.deps.onLoggedIn(session.id);
      });
    this.ended.add(ended);
    void ended.finally(() => this.ended.delete(ended));
    return started;
  }

  /** Shutdown: logins still waiting for a browser end without writing (their listeners close). */
  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.all(this.ended);
  }
}
