// tsyringe refuses to load without a Reflect metadata polyfill, and plugins and tests reach this file
// through core's index without loading one themselves. The polyfill registers nothing.
import 'reflect-metadata';
import { inject, injectAll, injectable } from 'tsyringe';
import { TOKENS } from '../di/tokens';
import type { RetrySettings } from '../engine/aws-clients';
import type { SupervisorEvent } from '../events/supervisor-event';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import { CooldownTracker } from './cooldown-tracker';
import { errorText, type DeliveryOutcome, type RoutedNotifier } from './notifier-contract';
import { NotifierWorker, type Job } from './notifier-worker';
import type { OutboxStore } from './outbox-store';
import { acceptsEvent, cleanEvent } from './route-event';
import { sendWithRetry, type DispatcherOptions } from './send-with-retry';

export type { DispatcherOptions };

/** What may be registered under DISPATCHER_OPTIONS: any part of the options, defaults for the rest. */
export type DispatcherOverrides = Partial<Omit<DispatcherOptions, 'retry'>> & {
  retry?: Partial<RetrySettings>;
};

/**
 * Injection token for `DispatcherOverrides`; optional, the dispatcher has defaults.
 * Kept beside the dispatcher rather than in TOKENS because only the dispatcher reads it.
 */
export const DISPATCHER_OPTIONS = Symbol('DispatcherOptions');

/** Injection token for the daemon's OutboxStore; optional: `notify test` and most tests have none. */
export const OUTBOX = Symbol('Outbox');

const DEFAULTS: DispatcherOptions = {
  retry: { attempts: 3, baseDelay: 1000, maxDelay: 30_000, timeout: 10_000 },
  maxRetryAfter: 60_000,
  queueSize: 50,
};

/**
 * Routes events to notifiers: filters, privacy and cooldown decided synchronously in `handle`, sending
 * done later on each notifier's own queue, so a publisher (a refresh) never waits on a notifier.
 */
@injectable()
export class Dispatcher {
  private readonly options: DispatcherOptions;
  private readonly workers: NotifierWorker[];
  private readonly cooldowns = new CooldownTracker();
  private readonly stop = new AbortController();
  private closing?: Promise<void>;
  private outboxTimer?: NodeJS.Timeout;

  constructor(
    @injectAll(TOKENS.RoutedNotifier, { isOptional: true }) routed: RoutedNotifier[],
    @inject(TOKENS.Logger) private readonly logger: Logger,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(DISPATCHER_OPTIONS, { isOptional: true }) options?: DispatcherOverrides,
    @inject(OUTBOX, { isOptional: true }) private readonly outbox?: OutboxStore,
  ) {
    this.options = { ...DEFAULTS, ...options, retry: { ...DEFAULTS.retry, ...options?.retry } };
    this.workers = routed.map((r) => new NotifierWorker(r, this.options, logger, this.stop.signal));
    this.scheduleOutbox();
  }

  private get names(): Set<string> {
    return new Set(this.workers.map((w) => w.routed.entry.name));
  }

  /** A live job: on a failure that may clear, an alert (warning and above) goes to the outbox. */
  private liveJob(notifier: string, event: SupervisorEvent, release: () => void): Job {
    return {
      event,
      onFailed: (outcome) => {
        release();
        if (!this.outbox || !outcome.retryable || event.severity === 'info') return;
        this.outbox.add(notifier, event, this.clock.now().getTime());
        this.scheduleOutbox();
      },
      onDelivered: () => {
        // The notifier is back: what it missed need not wait for its back-off.
        if (!this.outbox?.waiting(notifier)) return;
        this.outbox.wake(notifier, this.clock.now().getTime());
        this.scheduleOutbox();
      },
    };
  }

  /** Sets one timer for the next outbox entry due for these notifiers. */
  private scheduleOutbox(): void {
    if (!this.outbox || this.closing) return;
    clearTimeout(this.outboxTimer);
    const due = this.outbox.nextDue(this.names);
    if (due === undefined) return;
    const wait = Math.max(0, due - this.clock.now().getTime());
    // Capped so a long back-off never overflows a timer; unref'd so it never holds a process open.
    this.outboxTimer = setTimeout(() => this.resendDue(), Math.min(wait, 3600_000));
    this.outboxTimer.unref();
  }

  private resendDue(): void {
    const outbox = this.outbox;
    if (!outbox || this.closing) return;
    for (const entry of outbox.due(this.clock.now().getTime(), this.names)) {
      const worker = this.workers.find((w) => w.routed.entry.name === entry.notifier);
      if (!worker || !outbox.claim(entry.id)) continue;
      worker.enqueue({
        event: entry.event,
        resendOf: entry.id,
        onDelivered: () => {
          outbox.remove(entry.id);
          this.logger.info('notification from the outbox delivered', {
            notifier: entry.notifier,
            event: entry.event.type,
            session: entry.event.session,
          });
        },
        onFailed: () => {
          outbox.failed(entry.id, this.clock.now().getTime());
          this.scheduleOutbox();
        },
      });
    }
    this.scheduleOutbox();
  }

  /** Takes one event and returns at once (an EventBus listener: `bus.subscribe(dispatcher.handle)`). */
  readonly handle = (event: SupervisorEvent): void => {
    if (this.closing) {
      this.logger.debug('notification ignored, dispatcher closed', {
        event: event.type,
        session: event.session,
      });
      return;
    }
    const now = this.clock.now().getTime();
    const generation = this.cooldowns.observe(event);
    for (const worker of this.workers) {
      const { entry } = worker.routed;
      if (!acceptsEvent(entry, event)) continue;
      const release = this.cooldowns.admit(entry.name, entry.cooldown, event, generation, now);
      if (!release) {
        this.logger.debug('notification held back by cooldown', {
          notifier: entry.name,
          event: event.type,
          session: event.session,
        });
        continue;
      }
      worker.enqueue(this.liveJob(entry.name, cleanEvent(event, entry.private), release));
    }
  };

  /**
   * Sends now through the named notifiers (every one when omitted), past filters, cooldown and queue,
   * and reports each outcome, also to `onOutcome` as soon as it is known: for `notify test`, where
   * `attempts: 1` keeps a person from waiting out the retries of a hung notifier. login.pending still
   * goes to private notifiers only.
   */
  async deliver(
    event: SupervisorEvent,
    names?: readonly string[],
    { attempts, onOutcome }: { attempts?: number; onOutcome?: (outcome: DeliveryOutcome) => void } = {},
  ): Promise<DeliveryOutcome[]> {
    const options = attempts ? { ...this.options, retry: { ...this.options.retry, attempts } } : this.options;
    const report = (outcome: DeliveryOutcome) => {
      onOutcome?.(outcome);
      return outcome;
    };
    const chosen = this.workers.filter((w) => !names || names.includes(w.routed.entry.name));
    const unknown = (names ?? []).filter((name) => !chosen.some((w) => w.routed.entry.name === name));
    const missing = unknown.map((name) =>
      report({ notifier: name, delivered: false, attempts: 0, error: 'no such notifier' }),
    );
    const outcomes = await Promise.all(
      chosen.map(async ({ routed }): Promise<DeliveryOutcome> => {
        if (event.type === 'login.pending' && !routed.entry.private) {
          const error = 'login.pending goes only to notifiers with private: true';
          return report({ notifier: routed.entry.name, delivered: false, attempts: 0, error });
        }
        const clean = cleanEvent(event, routed.entry.private);
        return report(await sendWithRetry(routed, clean, options, this.logger, this.stop.signal));
      }),
    );
    return [...outcomes, ...missing];
  }

  /** Resolves true once every queue is empty and nothing is in flight, false if `timeoutMs` passes first. */
  async flush(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const idle = Promise.all(this.workers.map((w) => w.idle())).then(() => true);
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      return await Promise.race([idle, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Stops taking events, gives queued ones `timeoutMs` to go out, abandons the rest (logged), then
   * closes every notifier. Safe to call more than once.
   */
  close(timeoutMs = 5000): Promise<void> {
    this.closing ??= this.shutdown(timeoutMs);
    return this.closing;
  }

  private async shutdown(timeoutMs: number): Promise<void> {
    clearTimeout(this.outboxTimer);
    if (!(await this.flush(timeoutMs))) {
      const now = this.clock.now().getTime();
      for (const worker of this.workers) {
        const pending = worker.discard();
        if (pending.length === 0) continue;
        const name = worker.routed.entry.name;
        // Alerts that never got their turn wait in the outbox for the next daemon; outbox entries
        // already queued are still in it.
        const kept = pending.filter((job) => job.event.severity !== 'info' && !job.resendOf);
        for (const job of pending) if (job.resendOf) this.outbox?.failed(job.resendOf, now);
        if (this.outbox) for (const job of kept) this.outbox.add(name, job.event, now);
        this.logger.warn('notifications not sent before shutdown', {
          notifier: name,
          pending: pending.length,
          ...(this.outbox && { keptInOutbox: kept.length }),
        });
      }
      this.stop.abort();
    }
    await this.outbox?.settled();
    await Promise.all(this.workers.map((w) => this.closeNotifier(w.routed, timeoutMs)));
  }

  private async closeNotifier({ notifier, entry }: RoutedNotifier, timeoutMs: number): Promise<void> {
    if (!notifier.close) return;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`close took over ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([Promise.resolve().then(() => notifier.close?.()), late]);
    } catch (error) {
      this.logger.warn('notifier close failed', { notifier: entry.name, error: errorText(error) });
    } finally {
      clearTimeout(timer);
    }
  }
}
