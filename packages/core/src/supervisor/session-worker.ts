import { CronJob } from 'cron';
import { readCachedToken } from '../cache/read-cached-token';
import type { SessionRefresher } from '../engine/session-refresher';
import type { RefreshResult } from '../engine/refresh-result';
import type { SupervisorEvent } from '../events/supervisor-event';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import type { SupervisedSession } from './select-sessions';
import type { WorkerState } from './worker-state';
import { reactToResult } from './react-to-result';
import { sessionEvents } from './session-events';

export interface WorkerDeps {
  refresher: SessionRefresher;
  publish: (event: SupervisorEvent) => void;
  logger: Logger;
  clock: Clock;
  onState: (id: string, state: WorkerState) => void;
}

/**
 * One sso-session's refresh loop on its own cron schedule. Checks never overlap; after a
 * reauth_required the worker makes no AWS call until the cache file changes.
 */
export class SessionWorker {
  private job: CronJob | null = null;
  private inFlight: Promise<void> | null = null;
  private controller = new AbortController();
  /** The cache file's content when a person was asked to log in; null content = no file. */
  private heldOn: { raw: string | null; expiredSent: boolean } | null = null;
  private state: WorkerState;

  constructor(
    private supervised: SupervisedSession,
    private readonly deps: WorkerDeps,
  ) {
    this.state = { name: supervised.session.name, consecutiveFailures: 0 };
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
    this.job = CronJob.from({
      cronTime: this.supervised.settings.schedule,
      onTick: () => void this.check(),
      start: true,
    });
    this.publishState();
  }

  /** New settings or profiles for the same session; the cron job is rebuilt only when the schedule changed. */
  retune(next: SupervisedSession): void {
    const reschedule = next.settings.schedule !== this.supervised.settings.schedule;
    this.supervised = next;
    if (reschedule && this.job) {
      this.job.stop();
      this.start();
    }
  }

  /** One pass now; a call while one runs joins it. */
  check(): Promise<void> {
    this.inFlight ??= this.runCheck().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  stop(): void {
    this.job?.stop();
    this.job = null;
  }

  /** Waits for the running check, aborting it if it outlives `graceMs`. */
  async drain(graceMs: number): Promise<void> {
    if (!this.inFlight) return;
    const timer = setTimeout(() => this.controller.abort(), graceMs);
    try {
      await this.inFlight;
    } finally {
      clearTimeout(timer);
    }
  }

  private async runCheck(): Promise<void> {
    const { session, settings } = this.supervised;
    const now = this.deps.clock.now();
    this.state.lastCheck = now.toISOString();
    try {
      if (this.heldOn && !(await this.heldFileChanged())) return;
      let decidedOn: string | null = null;
      const result = await this.deps.refresher.refresh(session, {
        thresholdMs: settings.threshold,
        retry: { ...settings.retry, timeout: settings.timeout },
        now: () => this.deps.clock.now(),
        signal: this.controller.signal,
        onRead: (raw) => (decidedOn = raw),
      });
      this.react(result, decidedOn);
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
    if (read.raw !== held.raw) {
      this.heldOn = null;
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
    this.state = reaction.state;
    if (reaction.hold) {
      const lapsed = result.expiresAt === undefined || Date.parse(result.expiresAt) <= now.getTime();
      this.heldOn = { raw: decidedOn, expiredSent: lapsed };
    }
    for (const event of reaction.events) this.emit(event);
  }

  private emit(event: SupervisorEvent): void {
    this.deps.publish(event);
  }

  private publishState(): void {
    const next = this.job?.nextDate().toJSDate();
    if (next) this.state.nextCheck = next.toISOString();
    this.deps.onState(this.id, { ...this.state });
  }
}
