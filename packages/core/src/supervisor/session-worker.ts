import { contentFingerprint } from '../cache/cached-token';
import { readCachedToken } from '../cache/read-cached-token';
import type { SupervisorConfig } from '../config/supervisor-config';
import { retrySettings } from '../engine/aws-clients';
import type { SessionRefresher } from '../engine/session-refresher';
import type { RefreshResult } from '../engine/refresh-session';
import type { SupervisorEvent } from '../events/supervisor-event';
import { deviceLogin } from '../login/device-login';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import { DeviceReauth, type DeviceLoginRunner } from './device-reauth';
import { LoginWatch } from './login-watch';
import type { SupervisedSession } from '../config/session-settings';
import type { WorkerState } from './worker-state';
import { reactToResult } from './react-to-result';
import { ScheduleTicker } from './schedule-ticker';
import { sessionEvents } from './session-events';

export interface WorkerDeps {
  refresher: SessionRefresher;
  publish: (event: SupervisorEvent) => void;
  logger: Logger;
  clock: Clock;
  onState: (id: string, state: WorkerState) => void;
  /** What to do when a person must log in; asked each time, so a reload applies. Default: notify only. */
  reauth?: () => SupervisorConfig['reauth'];
  /** `reauth.mode: browser`: a one-time login link for the session; undefined when none can be served. */
  loginLink?: (supervised: SupervisedSession) => string | undefined;
  /** Runs the device-code login of `reauth.mode: device-code`; default deviceLogin. */
  deviceLogin?: DeviceLoginRunner;
  /** The previous run's records by session id, so the last login survives a restart. */
  carriedOver?: Record<string, Pick<WorkerState, 'loginAt'>>;
  /** Shared cron jobs, one per schedule; a worker alone gets its own. */
  ticker?: ScheduleTicker;
}

/**
 * How long a tick may go without looking at a quiet session's cache file at all: a change the folder
 * watch missed (network file systems, WSL, no inotify slots) is seen within this.
 */
export const RECHECK_MS = 30_000;

/**
 * One sso-session's refresh loop on its own cron schedule. Checks never overlap; after a
 * reauth_required the worker makes no AWS call until the cache file changes, except the one device-code
 * login of `reauth.mode: device-code`, which a new login in the file makes moot. Between checks it
 * notices new logins and warns before the registration or the Identity Center session ends. A tick skips
 * the pass while the session is quiet: its token not due, no warning near, its file unchanged (the
 * supervisor's folder watch says when it changes; RECHECK_MS bounds a change it missed).
 */
export class SessionWorker {
  private unsubscribe: (() => void) | null = null;
  private readonly ticker: ScheduleTicker;
  private inFlight: Promise<void> | null = null;
  private controller = new AbortController();
  /** The cache file's content (its fingerprint) when a person was asked to log in; null = no file. */
  private heldOn: {
    fingerprint: string | null;
    expiredSent: boolean;
    /** The session.reauth_required sent, and when it was last sent, for reauth.remind. */
    announced?: { event: SupervisorEvent; at: number };
  } | null = null;
  private state: WorkerState;
  private readonly reauth: DeviceReauth;
  private readonly logins = new LoginWatch();
  private stopped = false;
  /** Until then (epoch ms) a tick needs no pass: see quietAfter. */
  private quietUntil = 0;

  constructor(
    private supervised: SupervisedSession,
    private readonly deps: WorkerDeps,
  ) {
    this.state = { name: supervised.session.name, consecutiveFailures: 0 };
    this.ticker = deps.ticker ?? new ScheduleTicker();
    const carried = deps.carriedOver?.[supervised.session.id]?.loginAt;
    if (supervised.settings.sessionDuration !== undefined) this.setLogin(carried);
    this.reauth = new DeviceReauth({
      login: deps.deviceLogin ?? deviceLogin,
      publish: (event) => this.emit(event),
      logger: deps.logger,
      clock: deps.clock,
      // The check a file change starts may have begun before the write; then one more sees it.
      onLoggedIn: () => void this.check().then(() => (this.held ? this.check() : undefined)),
    });
  }

  get id(): string {
    return this.supervised.session.id;
  }

  /** Waiting for a person to log in. */
  get held(): boolean {
    return this.heldOn !== null;
  }

  get current(): SupervisedSession {
    return this.supervised;
  }

  start(): void {
    this.unsubscribe = this.ticker.subscribe(this.supervised.settings.schedule, () => this.tick());
    this.publishState();
  }

  /** New settings or profiles for the same session; the cron job is rebuilt only when the schedule changed. */
  retune(next: SupervisedSession): void {
    const reschedule = next.settings.schedule !== this.supervised.settings.schedule;
    this.supervised = next;
    this.quietUntil = 0;
    if (reschedule && this.unsubscribe) {
      this.unsubscribe();
      this.start();
    }
  }

  /** The cache file changed (the folder watch): a held session looks at once, others at the next tick. */
  cacheChanged(): void {
    this.quietUntil = 0;
    if (this.held) void this.check();
  }

  /** A scheduled tick: a pass, unless the session is quiet; then only the next check time moves. */
  tick(): void {
    if (!this.heldOn && !this.inFlight && this.deps.clock.now().getTime() < this.quietUntil) {
      this.publishState();
      return;
    }
    void this.check();
  }

  /** One pass now; a call while one runs joins it. */
  check(): Promise<void> {
    this.inFlight ??= this.runCheck().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** No more checks, and a pending device-code login stops polling without writing. */
  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    void this.reauth.cancel();
  }

  /** Waits for the running check, aborting it if it outlives `graceMs`, and for a device login to stop. */
  async drain(graceMs: number): Promise<void> {
    if (this.inFlight) {
      const timer = setTimeout(() => this.controller.abort(), graceMs);
      try {
        await this.inFlight;
      } finally {
        clearTimeout(timer);
      }
    }
    await this.reauth.cancel();
  }

  private async runCheck(): Promise<void> {
    const { session, settings } = this.supervised;
    const now = this.deps.clock.now();
    this.state.lastCheck = now.toISOString();
    try {
      if (this.heldOn && !(await this.heldFileChanged())) {
        this.remindIfDue();
        this.offerDeviceLogin();
        return;
      }
      const result = await this.deps.refresher.refresh(session, {
        thresholdMs: settings.threshold,
        retry: retrySettings(settings),
        now: () => this.deps.clock.now(),
        signal: this.controller.signal,
      });
      this.react(result, result.cache?.decidedOn ?? null);
      this.afterPass(result);
      this.quietUntil = this.quietAfter(result);
    } catch (error) {
      this.deps.logger.error('session check failed unexpectedly', {
        session: session.id,
        error: String(error),
      });
    } finally {
      this.publishState();
    }
  }

  /** While held: has a person logged in since? Also tells once when the access token lapses meanwhile. */
  private async heldFileChanged(): Promise<boolean> {
    const held = this.heldOn!;
    const read = await readCachedToken(this.supervised.session.cacheFile);
    if (contentFingerprint(read.raw) !== held.fingerprint) {
      this.heldOn = null;
      this.reauth.loginLanded();
      return true;
    }
    if (
      !held.expiredSent &&
      read.status === 'ok' &&
      Date.parse(read.token.expiresAt) <= this.deps.clock.now().getTime()
    ) {
      held.expiredSent = true;
      this.emit(sessionEvents.expired(this.supervised.session, read.token.expiresAt, this.deps.clock.now()));
    }
    return false;
  }

  /**
   * Holds on the content the refresh decided on, not on a fresh read: a login landing between the two
   * would otherwise be taken for the dead token and never noticed.
   */
  private react(result: RefreshResult, decidedOn: string | null): void {
    const now = this.deps.clock.now();
    const reaction = reactToResult(this.supervised.session, result, this.state, now);
    const { loginAt, sessionEndsAt } = this.state;
    this.state = { ...reaction.state, ...(loginAt && { loginAt }), ...(sessionEndsAt && { sessionEndsAt }) };
    if (reaction.hold) {
      const lapsed = result.expiresAt === undefined || Date.parse(result.expiresAt) <= now.getTime();
      const sent = reaction.events.find((e) => e.type === 'session.reauth_required');
      const announced = sent ? { event: sent, at: now.getTime() } : this.heldOn?.announced;
      this.heldOn = { fingerprint: decidedOn, expiredSent: lapsed, ...(announced && { announced }) };
    }
    for (const event of reaction.events) this.emit(event);
    if (reaction.hold) this.offerDeviceLogin();
  }

  /**
   * A login request read once is easily missed (a busy channel, a night): while the session still waits,
   * session.reauth_required goes out again every `reauth.remind`. The dispatcher's cooldown still holds
   * back a reminder that comes sooner than a notifier's cooldown.
   */
  private remindIfDue(): void {
    const announced = this.heldOn?.announced;
    const every = this.supervised.settings.reauth.remind;
    if (!announced || every <= 0) return;
    const now = this.deps.clock.now();
    if (now.getTime() - announced.at < every) return;
    announced.at = now.getTime();
    const since = this.state.stateSince ?? announced.event.time;
    this.emit({
      ...announced.event,
      time: now.toISOString(),
      message: `${announced.event.message} (reminder: waiting for a login since ${since})`,
    });
  }

  /** reauth.mode device-code: one device login for a dead session (DeviceReauth keeps it to one). */
  private offerDeviceLogin(): void {
    const reauth = this.deps.reauth?.();
    if (this.stopped || reauth?.mode !== 'device-code' || this.state.state !== 'reauth_required') return;
    this.reauth.start(this.supervised, reauth.backoffMs);
  }

  /**
   * After a pass that found the token fine: until when ticks may skip. Not past the token's refresh
   * point, nor the start of a registration or session-end warning window, nor RECHECK_MS; never inside
   * a warning window (its once-a-day and once-a-login rules need the passes).
   */
  private quietAfter(result: RefreshResult): number {
    if (result.outcome !== 'skipped' || this.heldOn || result.expiresAt === undefined) return 0;
    const { settings } = this.supervised;
    const now = this.deps.clock.now().getTime();
    let until = Math.min(Date.parse(result.expiresAt) - settings.threshold, now + RECHECK_MS);
    const registrationEnd = Date.parse(result.cache?.registrationExpiresAt ?? '');
    const sessionEnd = Date.parse(LoginWatch.sessionEndsAt(settings, this.state.loginAt) ?? '');
    for (const [end, ahead] of [
      [registrationEnd, settings.registrationWarning],
      [sessionEnd, settings.sessionWarning],
    ]) {
      if (!(end > now) || !(ahead > 0)) continue;
      if (end - ahead <= now) return 0;
      until = Math.min(until, end - ahead);
    }
    return Number.isNaN(until) ? 0 : until;
  }

  private afterPass(result: RefreshResult): void {
    const seen = this.logins.afterPass({
      supervised: this.supervised,
      result,
      held: this.held,
      loginAt: this.state.loginAt,
      now: this.deps.clock.now(),
    });
    this.setLogin(seen.loginAt);
    for (const event of seen.events) this.emit(event);
  }

  private setLogin(loginAt: string | undefined): void {
    delete this.state.loginAt;
    delete this.state.sessionEndsAt;
    const sessionEndsAt = LoginWatch.sessionEndsAt(this.supervised.settings, loginAt);
    if (loginAt) this.state.loginAt = loginAt;
    if (sessionEndsAt) this.state.sessionEndsAt = sessionEndsAt;
  }

  /** Under `reauth.mode: browser` every session.reauth_required, reminders too, carries a new link. */
  private emit(event: SupervisorEvent): void {
    if (event.type === 'session.reauth_required' && this.deps.reauth?.().mode === 'browser') {
      const loginUrl = this.deps.loginLink?.(this.supervised);
      if (loginUrl) return this.deps.publish({ ...event, loginUrl });
    }
    this.deps.publish(event);
  }

  private publishState(): void {
    const next = this.unsubscribe ? this.ticker.nextTick(this.supervised.settings.schedule) : null;
    if (next) this.state.nextCheck = next;
    this.deps.onState(this.id, { ...this.state });
  }
}
