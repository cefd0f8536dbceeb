import type { SsoSession } from '../aws-config/discover-sessions';
import { sampleSession } from '../test-support/sample-session';
import { clockTime, sessionEvent, sessionLabel } from './make-event';

const NOW = new Date('2026-11-22T09:20:00.123Z');
const corp = { ...sampleSession('/cache', 'corp'), profiles: ['dev', 'prod'] };
const legacy: SsoSession = {
  ...corp,
  id: 'legacy:https://d-123.awsapps.com/start',
  name: null,
  profiles: ['legacy-admin', 'legacy-ro'],
};

describe(sessionEvent.name, () => {
  it('fills in the type, severity, time and the session with its profiles', () => {
    const event = sessionEvent('token.refreshed', 'info', corp, NOW, {
      expiresAt: '2026-11-22T10:20:00Z',
      message: 'corp refreshed',
    });
    expect(event).toEqual({
      type: 'token.refreshed',
      time: '2026-11-22T09:20:00.123Z',
      severity: 'info',
      session: 'corp',
      profiles: ['dev', 'prod'],
      expiresAt: '2026-11-22T10:20:00Z',
      message: 'corp refreshed',
    });
  });

  it('names a legacy session null, as the contract asks', () => {
    const event = sessionEvent('token.expired', 'error', legacy, NOW, { message: 'gone' });
    expect(event.session).toBeNull();
    expect(event.profiles).toEqual(['legacy-admin', 'legacy-ro']);
  });
});

describe(clockTime.name, () => {
  it('gives hours and minutes in UTC, whatever offset the timestamp was written with', () => {
    expect(clockTime('2026-11-22T10:20:59Z')).toBe('10:20 UTC');
    expect(clockTime('2026-11-22T23:05:00+02:00')).toBe('21:05 UTC');
  });
});

describe(sessionLabel.name, () => {
  it('calls an sso-session by its name and a legacy session by its first profile', () => {
    expect(sessionLabel(corp)).toBe('corp');
    expect(sessionLabel(legacy)).toBe('profile legacy-admin');
  });
});
