import { formatTimestamp } from '../cache/cached-token';
import { sampleSession } from '../test-support/sample-session';
import { sampleToken } from '../test-support/sample-token';
import { checkRegistration } from './check-registration';

const session = sampleSession('/cache', 'corp');
const now = new Date('2026-11-22T09:00:00Z');
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
