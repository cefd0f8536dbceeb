import type { NotifierEntry } from '../config/supervisor-config';
import type { EventType, Severity, SupervisorEvent } from '../events/supervisor-event';
import { acceptsEvent } from './route-event';

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
