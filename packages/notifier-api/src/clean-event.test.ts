import type { SupervisorEvent } from './supervisor-event';
import { cleanEvent } from './clean-event';

const loginEvent = {
  type: 'login.pending',
  time: '2026-11-22T09:00:00.000Z',
  severity: 'info',
  session: 'corp',
  profiles: ['dev'],
  message: 'approve the login',
  verificationUri: 'https://device.example/verify',
  userCode: 'ABCD-EFGH',
  accessToken: 'stray-token',
} as SupervisorEvent;

describe(cleanEvent.name, () => {
  it('keeps contract fields in contract order and drops stray properties', () => {
    const clean = cleanEvent(loginEvent, true);
    expect(Object.keys(clean)).toEqual([
      'type',
      'time',
      'severity',
      'session',
      'profiles',
      'message',
      'verificationUri',
      'userCode',
    ]);
    expect(JSON.stringify(clean)).not.toContain('stray-token');
  });

  it('drops the login link and code unless asked to keep them', () => {
    const clean = cleanEvent(loginEvent, false);
    expect(clean).not.toHaveProperty('verificationUri');
    expect(clean).not.toHaveProperty('userCode');
    const link = 'http://127.0.0.1:1/login/corp?t=x';
    const reauth = { ...loginEvent, type: 'session.reauth_required', loginUrl: link } as SupervisorEvent;
    expect(cleanEvent(reauth, false)).not.toHaveProperty('loginUrl');
    expect(cleanEvent(reauth, true)).toHaveProperty('loginUrl', link);
  });

  it('copies arrays so one notifier cannot change what another sees', () => {
    const clean = cleanEvent(loginEvent, false);
    clean.profiles?.push('prod');
    expect(loginEvent.profiles).toEqual(['dev']);
  });
});
