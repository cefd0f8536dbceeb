/**
 * The schedules whose fire times need no calendar: seconds and minutes, every other field `*`. They tick
 * without the cron library, whose luxon pulls in Intl and ICU's time-zone data: about 8 MB of an idle
 * daemon's memory for the default schedule (`* * * * *`), measured in BENCHMARKS.md.
 */
export interface SimpleSchedule {
  /** Whether the whole second `epochSeconds` is a fire time. */
  matches(epochSeconds: number): boolean;
}

/** `*`, `*\/N` or one number in [0, 59]. */
function field(text: string, minutes: boolean): ((value: number) => boolean) | null {
  if (text === '*') return () => true;
  const step = /^\*\/(\d{1,2})$/.exec(text);
  if (step) {
    const n = Number(step[1]);
    // A minute step is the same in every time zone only when it divides 15 (zone offsets are quarter hours).
    if (n < 1 || n > 59 || (minutes && 15 % n !== 0)) return null;
    return (v) => v % n === 0;
  }
  // One minute of the hour is local time: the cron library's business.
  if (minutes || !/^\d{1,2}$/.test(text) || Number(text) > 59) return null;
  const at = Number(text);
  return (v) => v === at;
}

/** The schedule, or null for anything the cron library must handle (hours, days, lists, ranges). */
export function parseSimpleSchedule(expression: string): SimpleSchedule | null {
  const fields = expression.trim().split(/\s+/);
  if (fields.length === 5) fields.unshift('0');
  if (fields.length !== 6 || fields.slice(2).some((f) => f !== '*')) return null;
  const second = field(fields[0], false);
  const minute = field(fields[1], true);
  if (!second || !minute) return null;
  return { matches: (t) => second(t % 60) && minute(Math.floor(t / 60) % 60) };
}

/** The first fire time after `afterMs`, in epoch ms (within the hour: every simple schedule fires hourly). */
export function nextFire(schedule: SimpleSchedule, afterMs: number): number {
  let t = Math.floor(afterMs / 1000) + 1;
  for (const end = t + 3600; t < end && !schedule.matches(t); t++);
  return t * 1000;
}

/** A timer on a simple schedule, shaped like the part of a CronJob the ticker uses. */
export class SimpleJob {
  private timer: NodeJS.Timeout | null = null;
  private next: number;

  constructor(
    private readonly schedule: SimpleSchedule,
    private readonly onTick: () => void,
  ) {
    this.next = nextFire(schedule, Date.now());
    this.arm();
  }

  nextDate(): Date {
    return new Date(this.next);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(): void {
    this.timer = setTimeout(() => this.fire(), Math.max(0, this.next - Date.now()));
  }

  private fire(): void {
    // A timer can fire a little early; the wall clock decides the next fire time, so a clock step heals.
    if (Date.now() < this.next - 5) return this.arm();
    this.next = nextFire(this.schedule, Math.max(Date.now(), this.next));
    this.arm();
    this.onTick();
  }
}
