import type { SupervisorEvent } from '../events/supervisor-event';
import type { Logger } from '../util/logger';
import { BoundedQueue } from './bounded-queue';
import type { DeliveryOutcome, RoutedNotifier } from './notifier-contract';
import { sendWithRetry, type DispatcherOptions } from './send-with-retry';

export interface Job {
  event: SupervisorEvent;
  /** Called when every attempt failed. */
  onFailed(outcome: DeliveryOutcome): void;
  onDelivered?(): void;
  /** The outbox entry this job sends again, if it is one. */
  resendOf?: string;
}

/**
 * One notifier's queue, sent one at a time, so a slow or dead notifier only ever delays itself.
 */
export class NotifierWorker {
  private readonly queue: BoundedQueue<Job>;
  private busy = false;
  private readonly idleWaiters: (() => void)[] = [];

  constructor(
    readonly routed: RoutedNotifier,
    private readonly options: DispatcherOptions,
    private readonly logger: Logger,
    private readonly stop: AbortSignal,
  ) {
    this.queue = new BoundedQueue<Job>(options.queueSize);
  }

  /** Queues the job and returns at once; sending starts on a later tick. */
  enqueue(job: Job): void {
    const dropped = this.queue.push(job);
    if (dropped) {
      this.logger.warn('notification dropped, queue full', {
        notifier: this.routed.entry.name,
        event: dropped.event.type,
        session: dropped.event.session,
        queueSize: this.queue.capacity,
      });
    }
    if (this.busy) return;
    this.busy = true;
    setImmediate(() => void this.drain());
  }

  /** Resolves once nothing is queued or in flight. */
  idle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops what is still queued and returns it. */
  discard(): Job[] {
    const jobs: Job[] = [];
    for (let job = this.queue.shift(); job; job = this.queue.shift()) jobs.push(job);
    return jobs;
  }

  private async drain(): Promise<void> {
    for (let job = this.queue.shift(); job && !this.stop.aborted; job = this.queue.shift()) {
      const outcome = await sendWithRetry(this.routed, job.event, this.options, this.logger, this.stop);
      if (outcome.delivered) job.onDelivered?.();
      else job.onFailed(outcome);
    }
    this.busy = false;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
