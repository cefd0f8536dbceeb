import type { SessionStatus } from '@sso-supervisor/core';
import { formatStatusLines, painter } from './terminal-format';

const plain = painter({ isTTY: false }, {});
const status = (extra: Partial<SessionStatus>): SessionStatus => ({
  name: 'corp',
  startUrl: 'https://d-123.awsapps.com/start',
  region: 'us-east-1',
  profiles: ['dev'],
  cacheFile: '/c.json',
  state: 'valid',
  expiresAt: '2026-11-22T10:00:00Z',
  secondsLeft: 2400,
  ...extra,
});

describe(formatStatusLines.name, () => {
  it('adds the estimated end of the Identity Center session under the session, after the detail', () => {
    const ends = { sessionEndsAt: '2026-11-22T17:00:00.000Z' };
    expect(formatStatusLines([status(ends)], plain)).toEqual([
      'corp  dev  40m left  valid',
      '  Identity Center session ends about 2026-11-22T17:00:00.000Z',
    ]);
    expect(formatStatusLines([status({ ...ends, state: 'expiring', detail: 'why' })], plain)).toEqual([
      'corp  dev  40m left  expiring',
      '  why',
      '  Identity Center session ends about 2026-11-22T17:00:00.000Z',
    ]);
    expect(formatStatusLines([status({})], plain)).toEqual(['corp  dev  40m left  valid']);
  });
});

describe(painter.name, () => {
  it('paints a terminal even where process.stdout is none, unless NO_COLOR is non-empty', () => {
    expect(painter({ isTTY: true }, {})('red', 'x')).toBe('\u001b[31mx\u001b[39m');
    expect(painter({ isTTY: true }, { NO_COLOR: '' })('red', 'x')).toBe('\u001b[31mx\u001b[39m');
    expect(painter({ isTTY: true }, { NO_COLOR: '1' })('red', 'x')).toBe('x');
    expect(painter({ isTTY: false }, { FORCE_COLOR: '1' })('red', 'x')).toBe('\u001b[31mx\u001b[39m');
  });
});
