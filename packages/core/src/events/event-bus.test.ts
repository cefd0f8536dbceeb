import { EventBus, logEvent } from './event-bus';
import type { SupervisorEvent } from './supervisor-event';

const event: SupervisorEvent = {
  type: 'token.refreshed',
  time: '2026-11-22T09:20:00.000Z',
  severity: 'info',
  session: 'corp',
  message: 'corp refreshed',
  expiresAt: '2026-11-22T10:20:00Z',
};

describe(EventBus.name, () => {
  it('delivers to every listener, and a throwing listener does not stop the others', () => {
    const errors: unknown[] = [];
    const bus = new EventBus((e) => errors.push(e));
    const seen: string[] = [];
    bus.subscribe(() => {
      throw new Error('boom');
    });
    bus.subscribe((e) => seen.push(e.type));
    bus.publish(event);
    expect(seen).toEqual(['token.refreshed']);
    expect(errors).toHaveLength(1);
  });

  it('stops delivering after unsubscribe', () => {
    const bus = new EventBus();
    const seen: string[] = [];
    const off = bus.subscribe((e) => seen.push(e.type));
    off();
    bus.publish(event);
    expect(seen).toEqual([]);
  });
});

describe(logEvent.name, () => {
  it('logs at the event severity with its fields, never the login link or code', () => {
    const lines: Array<[string, string, Record<string, unknown> | undefined]> = [];
    const record = (level: string) => (message: string, fields?: Record<string, unknown>) =>
      lines.push([level, message, fields]);
    const log = logEvent({
      info: record('info'),
      warn: record('warn'),
      error: record('error'),
      debug: record('debug'),
    });
    log({
      type: 'token.refresh_failed',
      time: 't',
      severity: 'warning',
      session: 'corp',
      message: 'corp failed',
      error: 'HTTP 500',
    });
    log({
      type: 'login.pending',
      time: 't',
      severity: 'info',
      session: 'corp',
      message: 'approve the login',
      verificationUri: 'https://device.example/?code=ABCD-EFGH',
      userCode: 'ABCD-EFGH',
    });
    log({
      type: 'session.reauth_required',
      time: 't',
      severity: 'error',
      session: 'corp',
      message: 'corp needs a login',
      command: 'aws sso login --sso-session corp',
      loginUrl: 'http://127.0.0.1:1/login/corp?t=one-time',
    });
    expect(lines).toEqual([
      ['warn', 'corp failed', { event: 'token.refresh_failed', session: 'corp', error: 'HTTP 500' }],
      ['info', 'approve the login', { event: 'login.pending', session: 'corp' }],
      [
        'error',
        'corp needs a login',
        { event: 'session.reauth_required', session: 'corp', command: 'aws sso login --sso-session corp' },
      ],
    ]);
  });
});
