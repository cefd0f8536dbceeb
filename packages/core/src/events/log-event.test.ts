import { logEvent } from './log-event';

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
    expect(lines).toEqual([
      ['warn', 'corp failed', { event: 'token.refresh_failed', session: 'corp', error: 'HTTP 500' }],
      ['info', 'approve the login', { event: 'login.pending', session: 'corp' }],
    ]);
  });
});
