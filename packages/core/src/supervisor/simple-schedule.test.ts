import { CronTime } from 'cron';
import { nextFire, parseSimpleSchedule, SimpleJob } from './simple-schedule';

const SIMPLE = [
  '* * * * *',
  '* * * * * *',
  '*/5 * * * * *',
  '*/7 * * * * *',
  '30 * * * * *',
  '0 */5 * * * *',
  '*/15 * * * *',
  '*/3 * * * *',
];
const CRON_ONLY = [
  '0 * * * *',
  '5 * * * *',
  '*/10 * * * *',
  '0 9 * * *',
  '0 0 1 1 *',
  '1,2 * * * * *',
  '1-5 * * * * *',
  '* * * * 1',
  '@hourly',
  '60 * * * * *',
  '*/0 * * * * *',
];

describe(parseSimpleSchedule.name, () => {
  it('takes seconds and quarter-hour-safe minute steps, every other field *', () => {
    for (const e of SIMPLE) expect([e, parseSimpleSchedule(e) !== null]).toEqual([e, true]);
  });

  it('leaves hours, days, lists, ranges, one minute of the hour and odd steps to the cron library', () => {
    for (const e of CRON_ONLY) expect([e, parseSimpleSchedule(e)]).toEqual([e, null]);
  });
});

describe(nextFire.name, () => {
  // Zones whose offsets are whole, half and quarter hours: a simple schedule fires at the same instants in all.
  it.each(['UTC', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns'])(
    'agrees with the cron library in %s',
    (zone) => {
      const from = Date.parse('2026-11-22T09:58:31.250Z');
      for (const e of SIMPLE) {
        const cron = new CronTime(e, zone);
        const simple = parseSimpleSchedule(e)!;
        let [a, b] = [from, from];
        for (let i = 0; i < 12; i++) {
          a = nextFire(simple, a);
          b = cron.getNextDateFrom(new Date(b)).toMillis();
          expect([e, new Date(a).toISOString()]).toEqual([e, new Date(b).toISOString()]);
        }
      }
    },
  );
});

describe(SimpleJob.name, () => {
  afterEach(() => jest.useRealTimers());

  it('fires on each matching second and tells the next one; no more once stopped', () => {
    jest.useFakeTimers({ now: new Date('2026-11-22T09:00:00.500Z') });
    const fired: string[] = [];
    const job = new SimpleJob(parseSimpleSchedule('*/2 * * * * *')!, () =>
      fired.push(new Date().toISOString()),
    );
    expect(job.nextDate().toISOString()).toBe('2026-11-22T09:00:02.000Z');
    jest.advanceTimersByTime(4000);
    expect(fired).toEqual(['2026-11-22T09:00:02.000Z', '2026-11-22T09:00:04.000Z']);
    expect(job.nextDate().toISOString()).toBe('2026-11-22T09:00:06.000Z');
    job.stop();
    jest.advanceTimersByTime(4000);
    expect(fired).toHaveLength(2);
    expect(jest.getTimerCount()).toBe(0);
  });
});
