import type { Logger } from '../util/logger';
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

const LEVEL = { info: 'info', warning: 'warn', error: 'error' } as const;

/**
 * An EventBus listener that writes each event to the log at its severity: message plus fields. A device
 * login's code and link, and a one-time login link, stay out of the log: they go to private notifiers only.
 */
export function logEvent(logger: Logger): EventListener {
  return (event) => {
    const {
      message,
      severity,
      type,
      time: _time,
      verificationUri: _uri,
      userCode: _code,
      loginUrl: _link,
      ...fields
    } = event;
    logger[LEVEL[severity]](message, { event: type, ...fields });
  };
}
