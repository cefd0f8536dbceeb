import { sampleSession } from '../test-support/sample-session';
import { checkSsoProfile } from './check-sso-profile';

describe(checkSsoProfile.name, () => {
  it('passes with the session, account and role', () => {
    const profile = { name: 'dev', session: sampleSession('/c', 'corp'), accountId: '111', roleName: 'Dev' };
    expect(checkSsoProfile('dev', { profile })).toStrictEqual({
      status: 'pass',
      title: 'profile dev',
      detail: 'sso-session corp, account 111, role Dev',
    });
  });

  it('names a legacy profile by its start URL', () => {
    const session = { ...sampleSession('/c', 'x'), name: null };
    const profile = { name: 'old', session, accountId: '1', roleName: 'R' };
    expect(checkSsoProfile('old', { profile }).detail).toBe(
      'legacy start URL https://d-123.awsapps.com/start, account 1, role R',
    );
  });

  it('fails with what is missing and how to set it', () => {
    const failure = { kind: 'config' as const, message: 'profile "dev" in /c has no sso_role_name' };
    expect(checkSsoProfile('dev', { failure })).toStrictEqual({
      status: 'fail',
      title: 'profile dev',
      detail: 'profile "dev" in /c has no sso_role_name',
      fix: 'run `aws configure sso --profile dev`, or add the missing settings by hand',
    });
  });
});
