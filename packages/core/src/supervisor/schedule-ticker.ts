import { CronJob } from 'cron';

type Listener = () => void;

interface Schedule {
  job: CronJob;
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
        job: CronJob.from({
          cronTime,
          start: true,
          onTick: () => {
            created.next = null;
            for (const l of created.listeners) l();
          },
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
    schedule.next ??= schedule.job.nextDate().toJSDate().toISOString();
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
