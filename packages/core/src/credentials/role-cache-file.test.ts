import type { SsoProfile } from './resolve-session';
import { roleCacheFile } from './role-cache-file';
import { sampleSession } from '../test-support/sample-session';

const profile = (over: Partial<SsoProfile> = {}): SsoProfile => ({
  name: 'dev',
  session: sampleSession('/cache', 'corp'),
  accountId: '111111111111',
  roleName: 'Developer',
  ...over,
});

describe(roleCacheFile.name, () => {
  it('lives under role-credentials in the state dir, named by a SHA-256', () => {
    expect(roleCacheFile('/state', profile())).toMatch(/^\/state\/role-credentials\/[0-9a-f]{64}\.json$/);
  });

  it('is shared by profiles naming the same session, account and role', () => {
    expect(roleCacheFile('/s', profile({ name: 'other' }))).toBe(roleCacheFile('/s', profile()));
  });

  it.each([
    ['account', { accountId: '222222222222' }],
    ['role', { roleName: 'Admin' }],
    ['session', { session: sampleSession('/cache', 'other') }],
    [
      'start URL',
      { session: { ...sampleSession('/cache', 'corp'), startUrl: 'https://d-9.awsapps.com/start' } },
    ],
  ])('differs when the %s differs', (_what, over) => {
    expect(roleCacheFile('/s', profile(over))).not.toBe(roleCacheFile('/s', profile()));
  });
});
