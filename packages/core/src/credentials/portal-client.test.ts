import { TooManyRequestsException, UnauthorizedException } from '@aws-sdk/client-sso';
import { classifyPortalError } from './portal-client';

const target = {
  accountId: '111111111111',
  roleName: 'Dev',
  loginCommand: 'aws sso login --sso-session corp',
};
const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode }, message: 'from the service' });
const named = (name: string, status?: number) =>
  Object.assign(new Error('x'), { name, ...(status && { $metadata: { httpStatusCode: status } }) });

describe(classifyPortalError.name, () => {
  it('a rejected token (401) needs a login and names the command', () => {
    expect(classifyPortalError(new UnauthorizedException(meta(401)), target)).toStrictEqual({
      kind: 'login_required',
      message:
        'the SSO portal rejected the access token (UnauthorizedException); it was revoked or replaced: run aws sso login --sso-session corp',
      command: target.loginCommand,
    });
  });

  it.each([
    ['ForbiddenException', 403],
    ['ResourceNotFoundException', 404],
  ])('%s names the account and role', (name, status) => {
    const failure = classifyPortalError(named(name, status), target);
    expect(failure.kind).toBe('forbidden');
    expect(failure.message).toContain(
      `role Dev in account 111111111111 is not assigned to you (HTTP ${status} ${name})`,
    );
  });

  it('throttling that outlived the retries says to try again', () => {
    const failure = classifyPortalError(new TooManyRequestsException(meta(429)), target);
    expect(failure.kind).toBe('throttled');
    expect(failure.message).toContain('try again in a minute');
  });

  it('a 400 points at the account and role settings', () => {
    expect(classifyPortalError(named('InvalidRequestException', 400), target)).toMatchObject({
      kind: 'config',
      message: expect.stringContaining('check sso_account_id and sso_role_name'),
    });
  });

  it.each([
    [named('InternalServerException', 503), 'HTTP 503 InternalServerException'],
    [Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'ECONNRESET'],
    [new Error('AWS SDK error wrapper for Error: connect ECONNREFUSED 127.0.0.1:1'), 'ECONNREFUSED'],
    [undefined, 'Error'],
  ])('anything else is unavailable: %s', (error, where) => {
    expect(classifyPortalError(error, target)).toStrictEqual({
      kind: 'unavailable',
      message: `GetRoleCredentials for role Dev in account 111111111111 failed (${where}); try again later`,
    });
  });
});
