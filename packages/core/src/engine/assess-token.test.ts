import { sampleToken } from '../test-support/sample-token';
import { assessToken } from './assess-token';

const now = new Date('2026-11-22T09:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const threshold = 20 * 60_000;

describe(assessToken.name, () => {
  it('is valid and not due with more than the threshold left', () => {
    expect(assessToken(sampleToken(minutes(21)), now, threshold)).toEqual({
      state: 'valid',
      due: false,
      refreshable: true,
      secondsLeft: 21 * 60,
      expiresAt: minutes(21),
    });
  });

  it('is due only under the threshold, not at it', () => {
    expect(assessToken(sampleToken(minutes(20)), now, threshold)).toMatchObject({
      state: 'valid',
      due: false,
    });
    const under = sampleToken(minutes(20), { expiresAt: new Date(minutes(20).getTime() - 1).toISOString() });
    expect(assessToken(under, now, threshold)).toMatchObject({
      state: 'expiring',
      due: true,
      secondsLeft: 1199,
    });
  });

  it('is expired at and after expiresAt, with negative seconds rounded down', () => {
    expect(assessToken(sampleToken(now), now, threshold)).toMatchObject({
      state: 'expired',
      due: true,
      secondsLeft: 0,
    });
    const justGone = sampleToken(now, { expiresAt: new Date(now.getTime() - 500).toISOString() });
    expect(assessToken(justGone, now, threshold)).toMatchObject({ state: 'expired', secondsLeft: -1 });
  });

  it('needs a login when due and a refresh field is missing', () => {
    const token = sampleToken(minutes(5), { refreshToken: undefined, clientSecret: '' });
    expect(assessToken(token, now, threshold)).toEqual({
      state: 'reauth_required',
      due: true,
      refreshable: false,
      secondsLeft: 300,
      expiresAt: minutes(5),
      reason: 'no refreshToken, clientSecret in the cache file, so it cannot be refreshed',
    });
  });

  it('needs a login when due and the registration has expired, at its very second', () => {
    const token = sampleToken(minutes(5), { registrationExpiresAt: '2026-11-22T09:00:00Z' });
    expect(assessToken(token, now, threshold)).toMatchObject({
      state: 'reauth_required',
      refreshable: false,
      reason: 'the client registration expired at 2026-11-22T09:00:00Z',
    });
  });

  it('stays valid, though not refreshable, while the token has time left', () => {
    const token = sampleToken(minutes(30), { refreshToken: undefined });
    expect(assessToken(token, now, threshold)).toMatchObject({
      state: 'valid',
      due: false,
      refreshable: false,
    });
  });

  it('treats a token without registrationExpiresAt as refreshable, as the JS SDK does', () => {
    const token = sampleToken(minutes(5), { registrationExpiresAt: undefined });
    expect(assessToken(token, now, threshold)).toMatchObject({ state: 'expiring', refreshable: true });
  });
});
