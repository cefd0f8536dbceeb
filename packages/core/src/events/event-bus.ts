import type { SupervisorEvent } from './supervisor-event';

export type EventListener = (event: SupervisorEvent) => void;

/**
 * Synchronous fan-out of events to listeners. A listener that throws is isolated: the
 * publisher (a refresh worker) must never fail because a consumer did.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  constructor(
    private readonly onListenerError: (error: unknown, event: SupervisorEvent) => void = () => {},
  ) {}

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: SupervisorEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error, event);
      }
    }
  }
}
