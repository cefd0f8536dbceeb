import type { EventType, SupervisorEvent } from '../events/supervisor-event';
import { CooldownTracker } from './cooldown-tracker';

const MIN = 60_000;
// Only type and subject matter to the tracker; the other fields of each type are left out.
const event = (type: EventType, session: string | null | undefined = 'corp'): SupervisorEvent =>
  ({
    type,
    severity: 'error',
    time: '2026-11-22T09:00:00.000Z',
    message: 'm',
    ...(session !== undefined && { session }),
    ...(session === null && { profiles: ['legacy'] }),
  }) as SupervisorEvent;

function offer(tracker: CooldownTracker, e: SupervisorEvent, at: number, notifier = 'team') {
  return tracker.admit(notifier, 30 * MIN, e, tracker.observe(e), at);
}

describe(CooldownTracker.name, () => {
  it('holds back a repeat within the cooldown and lets it through after', () => {
    const tracker = new CooldownTracker();
    expect(offer(tracker, event('token.expired'), 0)).toBeDefined();
    expect(offer(tracker, event('token.expired'), 29 * MIN)).toBeUndefined();
    expect(offer(tracker, event('token.expired'), 30 * MIN)).toBeDefined();
  });

  it('lets a repeat through when the session changed state in between', () => {
    const tracker = new CooldownTracker();
    offer(tracker, event('session.reauth_required'), 0);
    tracker.observe(event('session.restored'));
    expect(offer(tracker, event('session.reauth_required'), MIN)).toBeDefined();
  });

  it('keeps notifiers, sessions and legacy profiles apart', () => {
    const tracker = new CooldownTracker();
    offer(tracker, event('token.expired'), 0);
    expect(offer(tracker, event('token.expired'), 1, 'me')).toBeDefined();
    expect(offer(tracker, event('token.expired', 'other'), 1)).toBeDefined();
    expect(offer(tracker, event('token.expired', null), 1)).toBeDefined();
    expect(offer(tracker, event('token.expired', null), 2)).toBeUndefined();
  });

  it('lets a new login code through and holds back a repeat of the same one', () => {
    const tracker = new CooldownTracker();
    const login = (userCode: string) => ({ ...event('login.pending'), userCode }) as SupervisorEvent;
    expect(offer(tracker, login('AAAA-BBBB'), 0)).toBeDefined();
    expect(offer(tracker, login('AAAA-BBBB'), 1)).toBeUndefined();
    expect(offer(tracker, login('CCCC-DDDD'), 2)).toBeDefined();
  });

  it('forgets a send whose delivery failed', () => {
    const tracker = new CooldownTracker();
    const release = offer(tracker, event('token.expired'), 0);
    release?.();
    expect(offer(tracker, event('token.expired'), 1)).toBeDefined();
  });

  it('never holds back with a zero cooldown', () => {
    const tracker = new CooldownTracker();
    const e = event('config.invalid', undefined);
    expect(tracker.admit('team', 0, e, tracker.observe(e), 0)).toBeDefined();
    expect(tracker.admit('team', 0, e, tracker.observe(e), 0)).toBeDefined();
  });
});
