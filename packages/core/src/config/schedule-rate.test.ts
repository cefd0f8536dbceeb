import { firesAtAll, firesPerHour } from './schedule-rate';

describe('schedule-rate', () => {
  it('tells a schedule that never fires from one that fires rarely', () => {
    expect(firesAtAll('0 0 31 2 *')).toBe(false);
    expect(firesAtAll('0 0 29 2 *')).toBe(true);
  });

  it('counts the fires in an hour', () => {
    const from = new Date('2026-12-02T10:00:30Z');
    expect(firesPerHour('* * * * *', from)).toBe(60);
    expect(firesPerHour('*/5 * * * *', from)).toBe(12);
    expect(firesPerHour('0 9 * * *', from)).toBe(0);
    expect(firesPerHour('* * * * * *', from)).toBe(3600);
  });
});
