import type * as Cron from 'cron';
import { parseSimpleSchedule, SimpleJob } from './simple-schedule';

type Listener = () => void;

/** What the ticker needs of a timer: a SimpleJob, or a CronJob behind this face. */
interface Job {
  nextDate(): Date;
  stop(): void;
}

/** Seconds-and-minutes schedules tick on their own timer; only the others load the cron library. */
function startJob(cronTime: string, onTick: () => void): Job {
  const simple = parseSimpleSchedule(cronTime);
  if (simple) return new SimpleJob(simple, onTick);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { CronJob } = require('cron') as typeof Cron;
  const job = CronJob.from({ cronTime, start: true, onTick });
  return { nextDate: () => job.nextDate().toJSDate(), stop: () => job.stop() };
}

interface Schedule {
  job: Job;
  listeners: Set<Listener>;
  /** The next fire time, computed once per tick however many sessions ask. */
  next: string | null;
}

/**
 * One cron job per distinct schedule, fanned out to every session on it. A hundred sessions on the
 * default schedule cost one timer and one next-date computation per tick, not a hundred of each (cron's
 * date arithmetic was most of a tick's CPU; see BENCHMARKS.md).
 */
export class ScheduleTicker {
  private readonly schedules = new Map<string, Schedule>();

  /** Calls `listener` on every tick of `cronTime`; returns the unsubscribe. */
  subscribe(cronTime: string, listener: Listener): () => void {
    let schedule = this.schedules.get(cronTime);
    if (!schedule) {
      const created: Schedule = {
        listeners: new Set(),
        next: null,
        job: startJob(cronTime, () => {
          created.next = null;
          for (const l of created.listeners) l();
        }),
      };
      this.schedules.set(cronTime, created);
      schedule = created;
    }
    schedule.listeners.add(listener);
    return () => this.unsubscribe(cronTime, listener);
  }

  /** When `cronTime` fires next, ISO-8601; null when nobody is subscribed to it. */
  nextTick(cronTime: string): string | null {
    const schedule = this.schedules.get(cronTime);
    if (!schedule) return null;
    schedule.next ??= schedule.job.nextDate().toISOString();
    return schedule.next;
  }

  stopAll(): void {
    for (const { job } of this.schedules.values()) job.stop();
    this.schedules.clear();
  }

  private unsubscribe(cronTime: string, listener: Listener): void {
    const schedule = this.schedules.get(cronTime);
    if (!schedule) return;
    schedule.listeners.delete(listener);
    if (schedule.listeners.size > 0) return;
    schedule.job.stop();
    this.schedules.delete(cronTime);
  }
}
