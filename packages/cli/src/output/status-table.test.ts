import { humanTime, type SessionStatus } from '@sso-supervisor/core/setup';
import { painter } from './terminal-format';
import { formatStatusTable, summariseProfiles } from './status-table';

const NOW = new Date('2026-11-22T09:00:00Z');
const plain = painter({ isTTY: false }, {});
const time = humanTime({ TZ: 'Europe/Paris' }, () => NOW);
const ctx = { paint: plain, time, now: NOW, daemonRunning: true };
const status = (extra: Partial<SessionStatus>): SessionStatus => ({
  name: 'corp',
  startUrl: 'https://d-123.awsapps.com/start',
  region: 'us-east-1',
  profiles: ['dev'],
  cacheFile: '/c.json',
  state: 'valid',
  expiresAt: '2026-11-22T09:40:00Z',
  secondsLeft: 2400,
  lastRefresh: '2026-11-22T08:48:00Z',
  nextCheck: '2026-11-22T09:00:40Z',
  ...extra,
});

describe(formatStatusTable.name, () => {
  it('has a header row, then last refresh and next check per session', () => {
    expect(formatStatusTable([status({})], ctx)).toEqual([
      'SESSION  PROFILES  LEFT  STATE  LAST REFRESH  NEXT CHECK',
      'corp     dev       40m   valid  12m ago       in 40s',
    ]);
  });

  it('fits 80 columns with 12 profiles, summarising them', () => {
    const profiles = [
      'development',
      'production',
      ...Array.from({ length: 10 }, (_, i) => `team-${i}-admin`),
    ];
    const lines = formatStatusTable(
      [status({ name: 'platform', profiles, state: 'expired', secondsLeft: -180 })],
      ctx,
    );
    for (const line of lines.slice(0, 2)) expect(line.length).toBeLessThanOrEqual(80);
    expect(lines[1]).toBe('platform  development +11  -3m   expired, will refresh  12m ago       in 40s');
    const long = formatStatusTable([status({ name: 'platform-engineering-eu', profiles })], ctx);
    expect(long[1]).toBe('platform-engineering-eu  development +11  40m   valid  12m ago       in 40s');
    expect(long[1].length).toBeLessThanOrEqual(80);
  });

  it('tells "expired, will refresh" from "needs a login", and says what to do', () => {
    const expired = status({ state: 'expired', secondsLeft: -180, expiresAt: '2026-11-22T08:57:00Z' });
    const dead = status({ state: 'reauth_required', detail: 'refresh token rejected: run aws sso login' });
    const lines = formatStatusTable([expired, dead], ctx);
    expect(lines[1]).toContain('expired, will refresh');
    expect(lines[2]).toBe('  expired 3m ago (09:57 CET); the daemon refreshes it at its next check');
    expect(lines[3]).toContain('needs a login');
    expect(lines[4]).toBe('  refresh token rejected: run aws sso login');
    const stopped = formatStatusTable([expired], { ...ctx, daemonRunning: false });
    expect(stopped[1]).toMatch(/ expired {2}/);
    expect(stopped[2]).toContain('run `sso-supervisor refresh`, or start the daemon');
  });

  it('shows a failing refresh with when it started failing', () => {
    const failing = status({
      lastResult: { outcome: 'failed', at: '2026-11-22T08:55:00Z', error: 'timeout' },
    });
    const lines = formatStatusTable([failing], ctx);
    expect(lines[1]).toMatch(/refresh failing {2}failed 5m ago/);
    expect(lines.slice(2)).toEqual(['  last refresh failed 5m ago (09:55 CET)', '  timeout']);
  });
});

describe(summariseProfiles.name, () => {
  it('keeps as many as fit and counts the rest', () => {
    expect(summariseProfiles(['dev', 'prod'], 20)).toBe('dev, prod');
    expect(summariseProfiles(['dev', 'prod', 'a', 'b', 'c'], 13)).toBe('dev, prod +3');
    expect(summariseProfiles(['development'], 8)).toBe('develop…');
    expect(summariseProfiles(['development', 'x'], 8)).toBe('deve… +1');
  });
});
