import type { SsoSession } from '../aws-config/discover-sessions';
import type { RefreshResult } from '../engine/refresh-session';
import type { SupervisorEvent } from '../events/supervisor-event';
import { sampleSession } from '../test-support/sample-session';
import { SECRET_MARK } from '../test-support/sample-token';
import { sessionEvents } from './session-events';

const NOW = new Date('2026-11-22T09:20:00.000Z');
const EXPIRES = '2026-11-22T10:20:00Z';
const corp = sampleSession('/cache', 'corp');
const legacy: SsoSession = {
  ...corp,
  id: 'legacy:https://d-123.awsapps.com/start',
  name: null,
  profiles: ['legacy-admin'],
  loginCommand: 'aws sso login --profile legacy-admin',
};

/** A result that also drags secret-looking fields along, which no event may copy. */
function result(session: SsoSession, outcome: RefreshResult['outcome'], error: string): RefreshResult {
  const leaky = { accessToken: `${SECRET_MARK}-access`, refreshToken: `${SECRET_MARK}-refresh` };
  return { session: session.name, id: session.id, outcome, error, expiresAt: EXPIRES, ...leaky };
}

function everyEvent(s: SsoSession): Record<string, SupervisorEvent> {
  return {
    refreshed: sessionEvents.refreshed(s, EXPIRES, NOW),
    refreshFailed: sessionEvents.refreshFailed(s, result(s, 'failed', 'network down'), false, NOW),
    expired: sessionEvents.expired(s, EXPIRES, NOW),
    reauthRequired: sessionEvents.reauthRequired(s, result(s, 'reauth_required', 'refresh token gone'), NOW),
    restored: sessionEvents.restored(s, EXPIRES, NOW),
  };
}

const ALLOWED_KEYS = [
  'type',
  'time',
  'severity',
  'session',
  'profiles',
  'expiresAt',
  'message',
  'command',
  'error',
];

describe('sessionEvents', () => {
  it.each([
    ['an sso-session', corp, 'corp'],
    ['a legacy session', legacy, 'profile legacy-admin'],
  ])('names %s in every message and carries no secret field', (_what, session, label) => {
    for (const event of Object.values(everyEvent(session))) {
      expect(event.message.startsWith(`${label} `)).toBe(true);
      expect(event.session).toBe(session.name);
      expect(ALLOWED_KEYS).toEqual(expect.arrayContaining(Object.keys(event)));
      expect(JSON.stringify(event)).not.toContain(SECRET_MARK);
    }
  });

  it('tells the login command wherever a person has to act', () => {
    const events = everyEvent(legacy);
    for (const event of [events.expired, events.reauthRequired]) {
      expect(event.command).toBe('aws sso login --profile legacy-admin');
      expect(event.severity).toBe('error');
    }
    expect(events.expired.message).toContain('run aws sso login --profile legacy-admin');
  });

  it('words each event with its times in UTC and its error', () => {
    const events = everyEvent(corp);
    expect(events.refreshed).toMatchObject({
      type: 'token.refreshed',
      severity: 'info',
      expiresAt: EXPIRES,
      message: 'corp refreshed; valid until 10:20 UTC',
    });
    expect(events.refreshFailed).toMatchObject({ type: 'token.refresh_failed', error: 'network down' });
    expect(events.refreshFailed.message).toContain('network down');
    expect(events.expired).toMatchObject({ type: 'token.expired', expiresAt: EXPIRES });
    expect(events.expired.message).toContain('expired at 10:20 UTC');
    expect(events.reauthRequired).toMatchObject({
      type: 'session.reauth_required',
      error: 'refresh token gone',
      message: 'corp needs a new login: refresh token gone',
    });
    expect(events.restored).toMatchObject({ type: 'session.restored', severity: 'info', expiresAt: EXPIRES });
  });

  it('makes a failed refresh a warning while the token lives, an error once it lapsed', () => {
    const failed = result(corp, 'failed', 'timeout');
    expect(sessionEvents.refreshFailed(corp, failed, false, NOW).severity).toBe('warning');
    expect(sessionEvents.refreshFailed(corp, failed, true, NOW).severity).toBe('error');
  });

  it('restores a session without an expiry when the new login gives none', () => {
    const event = sessionEvents.restored(corp, undefined, NOW);
    expect(event).not.toHaveProperty('expiresAt');
    expect(event.message).toBe('corp is logged in again');
  });
});
