import { sampleSession } from '../test-support/sample-session';
import { sampleToken } from '../test-support/sample-token';
import { checkCacheFile, checkTokenLifetime, checkRegistration, checkRoleCredentials } from './token-checks';
import { formatTimestamp } from '../cache/cached-token';

const session = sampleSession('/cache', 'corp');
const ok = { status: 'ok' as const, token: sampleToken(new Date()), raw: '{}' };

describe(checkCacheFile.name, () => {
  it('passes for a valid 0600 file', () => {
    expect(checkCacheFile(session, ok, 0o100600)).toMatchObject({ status: 'pass', title: 'cache file corp' });
  });

  it('passes where modes mean nothing', () => {
    expect(checkCacheFile(session, ok, null).status).toBe('pass');
  });

  it('warns when others can read the token, with the chmod', () => {
    expect(checkCacheFile(session, ok, 0o100644)).toMatchObject({
      status: 'warn',
      detail: `${session.cacheFile} is mode 0644: other users can read the token`,
      fix: `chmod 600 ${session.cacheFile}`,
    });
  });

  it('fails for a missing file with the login command', () => {
    expect(checkCacheFile(session, { status: 'missing', raw: null }, null)).toMatchObject({
      status: 'fail',
      fix: 'run aws sso login --sso-session corp',
    });
  });

  it('fails for an invalid file with the reader’s message', () => {
    const read = { status: 'invalid' as const, message: `${session.cacheFile}: is empty`, raw: '' };
    expect(checkCacheFile(session, read, 0o100600)).toMatchObject({
      status: 'fail',
      detail: `${session.cacheFile}: is empty`,
    });
  });
});

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

const inDays = (days: number) => formatTimestamp(new Date(now.getTime() + days * 86_400_000));
const token = (registrationExpiresAt?: string) =>
  sampleToken(new Date(now.getTime() + 3600_000), { registrationExpiresAt });
const withoutRefresh = () =>
  sampleToken(new Date(now.getTime() + 3600_000), {
    registrationExpiresAt: undefined,
    refreshToken: undefined,
  });

describe(checkRegistration.name, () => {
  it('passes with the end of a registration far away', () => {
    expect(checkRegistration(session, token(inDays(60)), now)).toStrictEqual({
      status: 'pass',
      title: 'registration corp',
      detail: 'client registration valid until 2027-01-21T09:00:00Z (60d00h)',
    });
  });

  it('warns when it ends within a week, so a login can be planned', () => {
    expect(checkRegistration(session, token(inDays(3)), now)).toMatchObject({
      status: 'warn',
      fix: 'run aws sso login --sso-session corp at a good moment',
    });
  });

  it('fails once it has ended', () => {
    expect(checkRegistration(session, token(inDays(-1)), now)).toMatchObject({
      status: 'fail',
      detail: 'the client registration expired at 2026-11-21T09:00:00Z; the token cannot be refreshed',
    });
  });

  it('warns for a login without a refresh token, with the scope to add', () => {
    expect(checkRegistration(session, withoutRefresh(), now)).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining('this login has no refresh token'),
      fix: 'add sso_registration_scopes = sso:account:access to [sso-session corp], then run aws sso login --sso-session corp',
    });
  });

  it('tells a legacy profile to move to an sso-session', () => {
    const legacy = { ...session, name: null };
    expect(checkRegistration(legacy, withoutRefresh(), now).fix).toMatch(
      /^move the profile to an \[sso-session\]/,
    );
  });
});

const profile = { name: 'dev', session: sampleSession('/c', 'corp'), accountId: '111', roleName: 'Dev' };
const credentials = {
  accessKeyId: 'ASIAKEY',
  secretAccessKey: 'role-secret',
  sessionToken: 'role-token',
  expiration: new Date('2026-11-22T10:00:00Z'),
};
const renewAt = new Date('2026-11-22T09:40:00Z');

describe(checkRoleCredentials.name, () => {
  it('passes with account, role and expiry, and no credential in it', () => {
    const check = checkRoleCredentials(profile, { ok: true, credentials, source: 'portal', renewAt });
    expect(check).toStrictEqual({
      status: 'pass',
      title: 'role credentials dev',
      detail: 'role Dev in account 111, valid until 2026-11-22T10:00:00.000Z',
    });
    expect(JSON.stringify(check)).not.toMatch(/ASIAKEY|role-secret|role-token/);
  });

  it('warns when they came with a warning', () => {
    const check = checkRoleCredentials(profile, {
      ok: true,
      credentials,
      source: 'portal',
      renewAt,
      warning: 'refresh failed',
    });
    expect(check).toMatchObject({ status: 'warn', detail: expect.stringContaining('; refresh failed') });
  });

  it.each([
    [
      { kind: 'login_required' as const, message: 'm', command: 'aws sso login --sso-session corp' },
      'run aws sso login --sso-session corp',
    ],
    [
      { kind: 'forbidden' as const, message: 'm' },
      '`aws sso list-account-roles --account-id 111 --profile dev` lists the roles you have',
    ],
    [
      { kind: 'throttled' as const, message: 'm' },
      'try again in a minute; if it persists, check the endpoints above',
    ],
  ])('fails for %o with the fix', (failure, fix) => {
    expect(checkRoleCredentials(profile, { ok: false, failure })).toStrictEqual({
      status: 'fail',
      title: 'role credentials dev',
      detail: 'm',
      fix,
    });
  });
});
