import type { SsoSession } from '../aws-config/discover-sessions';
import { retrySettings } from '../engine/aws-clients';
import type { SupervisorEvent } from '../events/supervisor-event';
import type { DeviceLoginOptions } from '../login/device-login';
import type { LoginResult } from '../login/login-types';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import type { SupervisedSession } from '../config/session-settings';
import { sessionEvents } from './session-events';

/** Runs one device-code login; the daemon's is `deviceLogin`, tests pass one with a faster sleep. */
export type DeviceLoginRunner = (session: SsoSession, options: DeviceLoginOptions) => Promise<LoginResult>;

export interface DeviceReauthDeps {
  login: DeviceLoginRunner;
  publish: (event: SupervisorEvent) => void;
  logger: Logger;
  clock: Clock;
  /** A login was approved and written. */
  onLoggedIn: () => void;
}

const DAY_MS = 86_400_000;

/**
 * The daemon's device-code re-auth for one session: at most one authorization at a time, and after one
 * ended without a token, none for the back-off, unless a login of the person's own lands first. A device
 * login is something a person approves: starting them in a loop would flood them (granted#430).
 */
export class DeviceReauth {
  private running: { controller: AbortController; done: Promise<void> } | null = null;
  private blockedUntil: number | null = null;

  constructor(private readonly deps: DeviceReauthDeps) {}

  /** Starts a login unless one runs or the back-off after the last one holds. */
  start(supervised: SupervisedSession, backoffMs: number): void {
    const now = this.deps.clock.now().getTime();
    if (this.running || (this.blockedUntil !== null && now < this.blockedUntil)) return;
    this.blockedUntil = null;
    const controller = new AbortController();
    const done = this.run(supervised, backoffMs, controller.signal)
      .catch((error: unknown) => {
        this.deps.logger.error('device login failed unexpectedly', {
          session: supervised.session.id,
          error: String(error),
        });
        return false;
      })
      .then((loggedIn) => {
        // Cleared first: the check that adopts the new login must not take it for a login to abandon.
        this.running = null;
        if (loggedIn) this.deps.onLoggedIn();
      });
    this.running = { controller, done };
  }

  /** The cache file changed (`login`, `aws sso login`): the pending authorization is moot, the back-off over. */
  loginLanded(): void {
    this.blockedUntil = null;
    if (!this.running) return;
    this.deps.logger.info('device login abandoned: a new login appeared in the cache file');
    this.running.controller.abort();
  }

  /** Shutdown: stop polling without writing, and wait until it has stopped. */
  async cancel(): Promise<void> {
    this.running?.controller.abort();
    await this.running?.done;
  }

  /** One login, start to end; true once it is written. */
  private async run(supervised: SupervisedSession, backoffMs: number, signal: AbortSignal): Promise<boolean> {
    const { session, settings } = supervised;
    const { logger, clock } = this.deps;
    logger.info('device login started', { session: session.id });
    const result = await this.deps.login(session, {
      signal,
      clock,
      retry: retrySettings(settings),
      // A registration that would warn of its end soon is renewed now, while a person is logging in anyway.
      reuseMarginMs: Math.max(DAY_MS, settings.registrationWarning),
      onProgress: (progress) => {
        if (progress.type === 'pending')
          this.deps.publish(sessionEvents.loginPending(session, progress, clock.now()));
      },
    });
    const fields = { session: session.id, outcome: result.outcome };
    if (result.outcome === 'logged_in') {
      logger.info('device login approved; cache file written', { ...fields, expiresAt: result.expiresAt });
      return true;
    }
    if (result.outcome === 'aborted' || result.outcome === 'superseded') {
      logger.info('device login ended without writing', fields);
      return false;
    }
    this.blockedUntil = clock.now().getTime() + backoffMs;
    const next = new Date(this.blockedUntil).toISOString();
    logger.warn('device login ended without a token; no new one before', {
      ...fields,
      error: result.error,
      next,
    });
    return false;
  }
}
