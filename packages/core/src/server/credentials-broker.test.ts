import type { SsoSession } from '../aws-config/discover-sessions';
import { withOwnLoginCommand } from './credentials-broker';

const session = { name: 'corp', profiles: ['dev'] } as SsoSession;
const legacy = { name: null, profiles: ['old'] } as SsoSession;

describe('withOwnLoginCommand', () => {
  it('names sso-supervisor login instead of aws sso login', () => {
    const failure = withOwnLoginCommand(
      {
        kind: 'login_required',
        message: 'no cached SSO token for corp at /c.json: run aws sso login --sso-session corp',
        command: 'aws sso login --sso-session corp',
      },
      session,
    );
    expect(failure).toEqual({
      kind: 'login_required',
      message: 'no cached SSO token for corp at /c.json: run sso-supervisor login corp',
      command: 'sso-supervisor login corp',
    });
  });

  it('adds the command to a message that has none, and names a legacy profile', () => {
    const failure = withOwnLoginCommand({ kind: 'invalid_cache', message: 'refresh token expired' }, legacy);
    expect(failure.message).toBe('refresh token expired: run sso-supervisor login --profile old');
  });

  it('leaves other failures alone', () => {
    const failure = { kind: 'throttled' as const, message: 'slow down' };
    expect(withOwnLoginCommand(failure, session)).toBe(failure);
  });
});
