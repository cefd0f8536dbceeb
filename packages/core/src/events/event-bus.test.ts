import { EventBus } from './event-bus';
import type { SupervisorEvent } from './supervisor-event';

const event: SupervisorEvent = {
  type: 'token.refreshed',
  time: '2026-11-22T09:20:00.000Z',
  severity: 'info',
  session: 'corp',
  message: 'corp refreshed',
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
