import { ScheduleTicker } from './schedule-ticker';

describe(ScheduleTicker.name, () => {
  let ticker: ScheduleTicker;
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-22T09:00:00.500Z') });
    ticker = new ScheduleTicker();
  });
  afterEach(() => {
    ticker.stopAll();
    jest.useRealTimers();
  });

  it('fans one schedule out to every subscriber, and stops calling one that left', () => {
    const calls: string[] = [];
    ticker.subscribe('* * * * * *', () => calls.push('a'));
    const leave = ticker.subscribe('* * * * * *', () => calls.push('b'));
    jest.advanceTimersByTime(1000);
    expect(calls).toEqual(['a', 'b']);
    leave();
    jest.advanceTimersByTime(1000);
    expect(calls).toEqual(['a', 'b', 'a']);
  });

  it('keeps schedules apart and tells the next tick of each', () => {
    const calls: string[] = [];
    ticker.subscribe('* * * * * *', () => calls.push('second'));
    ticker.subscribe('0 * * * * *', () => calls.push('minute'));
    expect(ticker.nextTick('* * * * * *')).toBe('2026-11-22T09:00:01.000Z');
    expect(ticker.nextTick('0 * * * * *')).toBe('2026-11-22T09:01:00.000Z');
    jest.advanceTimersByTime(1000);
    expect(calls).toEqual(['second']);
    expect(ticker.nextTick('* * * * * *')).toBe('2026-11-22T09:00:02.000Z');
  });

  it('stops the cron job of a schedule nobody listens to any more', () => {
    const leave = ticker.subscribe('* * * * * *', () => {});
    expect(ticker.nextTick('* * * * * *')).not.toBeNull();
    leave();
    expect(ticker.nextTick('* * * * * *')).toBeNull();
    expect(jest.getTimerCount()).toBe(0);
  });
});
