import { sampleSession } from '../test-support/sample-session';
import { checkRoleCredentials } from './check-role-credentials';

const profile = { name: 'dev', session: sampleSession('/c', 'corp'), accountId: '111', roleName: 'Dev' };
const credentials = {
  accessKeyId: 'ASIAKEY',
  secretAccessKey: 'role-secret',
  sessionToken: 'role-token',
  expiration: new Date('2026-11-22T10:00:00Z'),
};

describe(checkRoleCredentials.name, () => {
  it('passes with account, role and expiry, and no credential in it', () => {
    const check = checkRoleCredentials(profile, { ok: true, credentials, source: 'portal' });
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
