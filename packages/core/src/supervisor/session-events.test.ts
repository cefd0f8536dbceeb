import type { SsoSession } from '../aws-config/discover-sessions';
import type { RefreshResult } from '../engine/refresh-session';
import type { SupervisorEvent } from '../events/supervisor-event';
import { sampleSession } from '../test-support/sample-session';
import { SECRET_MARK } from '../test-support/sample-token';
import { clockTime, sessionEvent, sessionEvents, sessionLabel } from './session-events';

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

  it('words each event with its times in the local zone (TZ=UTC here) and its error', () => {
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

const AT = new Date('2026-11-22T09:20:00.123Z');
const corpWithProfiles = { ...sampleSession('/cache', 'corp'), profiles: ['dev', 'prod'] };
const legacyWithProfiles: SsoSession = {
  ...corpWithProfiles,
  id: 'legacy:https://d-123.awsapps.com/start',
  name: null,
  profiles: ['legacy-admin', 'legacy-ro'],
};

describe(sessionEvent.name, () => {
  it('fills in the type, severity, time and the session with its profiles', () => {
    const event = sessionEvent('token.refreshed', 'info', corpWithProfiles, AT, {
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
    const event = sessionEvent('token.expired', 'error', legacyWithProfiles, AT, {
      expiresAt: '2026-11-22T10:20:00Z',
      command: 'aws sso login --profile legacy-admin',
      message: 'gone',
    });
    expect(event.session).toBeNull();
    expect(event.profiles).toEqual(['legacy-admin', 'legacy-ro']);
  });
});

describe(clockTime.name, () => {
  const now = new Date('2026-11-22T08:00:00Z');
  it('gives hours and minutes in the zone TZ names, whatever offset the timestamp was written with', () => {
    expect(clockTime('2026-11-22T10:20:59Z', now, { TZ: 'UTC' })).toBe('10:20 UTC');
    expect(clockTime('2026-11-22T20:05:00+02:00', now, { TZ: 'Europe/Paris' })).toBe('19:05 CET');
  });

  it('adds the date when the time is on another day than now', () => {
    expect(clockTime('2026-11-24T09:00:00Z', now, { TZ: 'UTC' })).toBe('2026-11-24 09:00 UTC');
  });
});

describe(sessionLabel.name, () => {
  it('calls an sso-session by its name and a legacy session by its first profile', () => {
    expect(sessionLabel(corpWithProfiles)).toBe('corp');
    expect(sessionLabel(legacyWithProfiles)).toBe('profile legacy-admin');
  });
});
