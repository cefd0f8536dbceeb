import { sampleSession } from '../test-support/sample-session';
import { sampleToken } from '../test-support/sample-token';
import { checkTokenLifetime } from './check-token-lifetime';

const session = sampleSession('/cache', 'corp');
const now = new Date('2026-11-22T09:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const THRESHOLD = 20 * 60_000;

describe(checkTokenLifetime.name, () => {
  it('passes with the time left', () => {
    expect(checkTokenLifetime(session, sampleToken(at(45)), now, THRESHOLD)).toStrictEqual({
      status: 'pass',
      title: 'token corp',
      detail: '45m left (until 2026-11-22T09:45:00Z)',
    });
  });

  it('warns under the threshold, with the refresh command', () => {
    expect(checkTokenLifetime(session, sampleToken(at(10)), now, THRESHOLD)).toMatchObject({
      status: 'warn',
      detail: '10m left (until 2026-11-22T09:10:00Z), under the 20m threshold; it can be refreshed',
      fix: 'sso-supervisor refresh corp, or keep the daemon running',
    });
  });

  it('warns when expired but still refreshable', () => {
    expect(checkTokenLifetime(session, sampleToken(at(-3)), now, THRESHOLD)).toMatchObject({
      status: 'warn',
      detail: 'expired 3m ago; the refresh token can still renew it',
      fix: 'sso-supervisor refresh corp',
    });
  });

  it('fails when it cannot be refreshed, with the reason and the login', () => {
    const token = sampleToken(at(-3), { refreshToken: undefined });
    expect(checkTokenLifetime(session, token, now, THRESHOLD)).toMatchObject({
      status: 'fail',
      detail: 'expired 3m ago; no refreshToken in the cache file, so it cannot be refreshed',
      fix: 'run aws sso login --sso-session corp',
    });
  });
});
