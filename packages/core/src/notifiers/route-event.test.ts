import type { NotifierEntry } from '../config/supervisor-config';
import type { EventType, Severity, SupervisorEvent } from '../events/supervisor-event';
import { acceptsEvent, cleanEvent } from './route-event';

const entry = (over: Partial<NotifierEntry> = {}): NotifierEntry => ({
  name: 'n',
  type: 'webhook',
  private: false,
  cooldown: 0,
  options: {},
  path: 'notifiers[0]',
  ...over,
});
const event = (type: EventType, severity: Severity, over: Record<string, unknown> = {}): SupervisorEvent =>
  ({
    type,
    severity,
    time: '2026-11-22T09:00:00.000Z',
    message: 'm',
    session: 'corp',
    ...over,
  }) as SupervisorEvent;

describe(acceptsEvent.name, () => {
  it.each<[string, Partial<NotifierEntry>, SupervisorEvent, boolean]>([
    ['default takes errors', {}, event('session.reauth_required', 'error'), true],
    ['default takes warnings', {}, event('token.refresh_failed', 'warning'), true],
    ['default takes session.restored', {}, event('session.restored', 'info'), true],
    ['default skips other info', {}, event('token.refreshed', 'info'), false],
    ['a list takes what it names', { events: ['token.refreshed'] }, event('token.refreshed', 'info'), true],
    [
      'a list skips what it does not name',
      { events: ['token.refreshed'] },
      event('token.expired', 'error'),
      false,
    ],
    ['"*" takes everything', { events: ['*'] }, event('config.reloaded', 'info'), true],
    [
      'login.pending never reaches a public notifier',
      { events: ['*'] },
      event('login.pending', 'info'),
      false,
    ],
    [
      'login.pending reaches a private one by default',
      { private: true },
      event('login.pending', 'info'),
      true,
    ],
    [
      'a private list without it skips it',
      { private: true, events: ['token.expired'] },
      event('login.pending', 'info'),
      false,
    ],
    ['sessions filter takes its session', { sessions: ['corp'] }, event('token.expired', 'error'), true],
    ['sessions filter skips others', { sessions: ['other'] }, event('token.expired', 'error'), false],
    [
      'sessions filter matches a legacy profile',
      { sessions: ['legacy'] },
      event('token.expired', 'error', { session: null, profiles: ['legacy'] }),
      true,
    ],
    [
      'supervisor-wide events pass a sessions filter',
      { sessions: ['other'] },
      event('config.invalid', 'error', { session: undefined }),
      true,
    ],
  ])('%s', (_, over, e, expected) => {
    expect(acceptsEvent(entry(over), e)).toBe(expected);
  });
});

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
