import { formatDuration, humanTime } from './human-time';

const NOW = new Date('2026-12-02T09:38:00Z');
const at = (env: Record<string, string>) => humanTime(env, () => NOW);

describe('humanTime', () => {
  it('shows local time with the zone TZ names, today without the date', () => {
    expect(at({ TZ: 'Europe/Paris' }).clock('2026-12-02T09:20:00Z')).toBe('10:20 CET');
    expect(at({ TZ: 'America/New_York' }).clock('2026-12-02T09:20:00Z')).toBe('04:20 EST');
    expect(at({ TZ: 'Asia/Kolkata' }).clock('2026-12-02T09:20:00Z')).toBe('14:50 GMT+5:30');
  });

  it('gives the date for another day, and the summer zone in summer', () => {
    expect(at({ TZ: 'Europe/Paris' }).clock('2026-07-01T09:00:00Z')).toBe('2026-07-01 11:00 CEST');
  });

  it('reads TZ=UTC and the :Zone form', () => {
    expect(at({ TZ: 'UTC' }).clock('2026-12-02T09:20:00Z')).toBe('09:20 UTC');
    expect(at({ TZ: ':Europe/Paris' }).zone).toBe('CET');
  });

  it('writes UTC without Intl exactly as Intl writes a zone at the same offset', () => {
    // Etc/GMT goes through Intl (its short name GMT is shown as UTC); UTC takes the Date-fields path.
    const fast = at({ TZ: 'UTC' });
    const intl = at({ TZ: 'Etc/GMT' });
    expect(fast.zone).toBe(intl.zone);
    for (const t of [
      '2026-12-02T00:00:00Z',
      '2026-01-05T03:04:05Z',
      '2026-12-01T23:59:59.999Z',
      'not a date',
    ]) {
      expect([fast.clock(t), fast.stamp(t), fast.when(t)]).toEqual([
        intl.clock(t),
        intl.stamp(t),
        intl.when(t),
      ]);
    }
  });

  it('says how far off a time is, with the clock time', () => {
    const t = at({ TZ: 'Europe/Paris' });
    expect(t.when('2026-12-02T10:20:00Z')).toBe('in 42m (11:20 CET)');
    expect(t.when('2026-12-02T09:35:00Z')).toBe('3m ago (10:35 CET)');
  });

  it('stamps a log line to the second', () => {
    expect(at({ TZ: 'Europe/Paris' }).stamp('2026-12-02T09:20:05.123Z')).toBe('2026-12-02 10:20:05 CET');
  });

  it('passes an unreadable time through rather than printing Invalid Date', () => {
    expect(at({ TZ: 'UTC' }).clock('soon')).toBe('soon');
  });
});

describe('formatDuration', () => {
  it.each([
    [40_000, '40s'],
    [14 * 60_000, '14m'],
    [2 * 3_600_000 + 5 * 60_000, '2h05m'],
    [3 * 86_400_000 + 4 * 3_600_000, '3d04h'],
    [-90_000, '1m'],
  ])('%d ms is %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
