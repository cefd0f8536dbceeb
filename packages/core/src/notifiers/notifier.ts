import type { SupervisorEvent } from '../events/supervisor-event';

/** What every notifier plugin returns: a name, a send, and optionally a close. */
export interface Notifier {
  readonly name: string;
  send(event: SupervisorEvent): Promise<void>;
  close?(): Promise<void>;
}
