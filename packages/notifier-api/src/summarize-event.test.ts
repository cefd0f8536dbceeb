import type { SupervisorEvent } from './supervisor-event';
import { summarizeEvent } from './summarize-event';

/** summarizeEvent shows whatever fields an event carries, including ones its type does not declare. */
const loose = (event: object) => event as SupervisorEvent;

describe(summarizeEvent.name, () => {
  it('titles the session, lists facts and carries the fix', () => {
    const summary = summarizeEvent(
      loose({
        type: 'session.reauth_required',
        time: '2026-11-22T09:20:00.000Z',
        severity: 'error',
        session: 'corp',
        profiles: ['dev', 'prod'],
        expiresAt: '2026-11-22T10:45:00Z',
        message: 'corp needs a login',
        command: 'aws sso login --sso-session corp',
      }),
    );
    expect(summary.title).toBe('corp: Login required');
    expect(summary.subject).toBe('[ERROR] corp: Login required');
    expect(summary.facts).toEqual([
      { label: 'Session', value: 'corp' },
      { label: 'Profiles', value: 'dev, prod' },
      { label: 'Time left', value: '85 min' },
    ]);
    expect(summary.command).toBe('aws sso login --sso-session corp');
    expect(summary.login).toBeUndefined();
  });

  it('names a legacy session by its profiles and says how long ago it expired', () => {
    const summary = summarizeEvent({
      type: 'token.expired',
      time: '2026-11-22T12:00:00.000Z',
      severity: 'error',
      session: null,
      profiles: ['legacy-admin'],
      expiresAt: '2026-11-22T09:30:00Z',
      command: 'aws sso login --profile legacy-admin',
      message: 'expired',
    });
    expect(summary.title).toBe('legacy-admin: Token expired');
    expect(summary.facts).toContainEqual({ label: 'Time left', value: 'expired 2 h 30 min ago' });
  });

  it('carries the login link and code, and supervisor-wide events have no subject', () => {
    const login = summarizeEvent({
      type: 'login.pending',
      time: '2026-11-22T09:20:00.000Z',
      severity: 'info',
      session: 'corp',
      message: 'approve',
      verificationUri: 'https://device.example',
      userCode: 'ABCD-EFGH',
    });
    expect(login.login).toEqual({ uri: 'https://device.example', code: 'ABCD-EFGH' });
    const wide = summarizeEvent({
      type: 'config.invalid',
      time: '2026-11-22T09:20:00.000Z',
      severity: 'error',
      message: 'bad',
      errors: ['a', 'b'],
    });
    expect(wide.title).toBe('Config invalid');
    expect(wide.facts).toEqual([{ label: 'Problems', value: 'a\nb' }]);
  });
});
