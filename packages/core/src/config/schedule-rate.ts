import type * as Cron from 'cron';

// cron (and luxon under it) loads only when a file sets a schedule or a threshold: `status` reads the config too.
function cron(): typeof Cron {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('cron') as typeof Cron;
}

/**
 * Whether a valid cron expression ever matches a date: `0 0 31 2 *` (31 February) passes the syntax check but
 * never fires, and the cron library then throws when the daemon asks for its next date.
 */
export function firesAtAll(expression: string): boolean {
  try {
    new (cron().CronTime)(expression).sendAt();
    return true;
  } catch {
    return false;
  }
}

/** At most this many fires are counted: `* * * * * *` (each second) needs no exact figure. */
const MAX_COUNTED = 3600;

/** How many times `expression` fires in the hour after `from`; 0 for one that is invalid or never fires. */
export function firesPerHour(expression: string, from: Date = new Date()): number {
  try {
    const time = new (cron().CronTime)(expression);
    const end = from.getTime() + 3_600_000;
    let count = 0;
    let at = from.getTime();
    while (count < MAX_COUNTED) {
      const next = time.getNextDateFrom(new Date(at)).toMillis();
      if (next > end) break;
      count++;
      at = next;
    }
    return count;
  } catch {
    return 0;
  }
}
