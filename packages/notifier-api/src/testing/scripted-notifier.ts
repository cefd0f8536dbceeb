import type { SupervisorEvent } from '../supervisor-event.js';
import type { Notifier } from '../notifier.js';

/** What one `send` does: succeed, never settle, reject with the error, or run the function. */
export type SendStep = 'ok' | 'hang' | Error | ((event: SupervisorEvent) => Promise<void>);

export interface ScriptedNotifier extends Notifier {
  /** Every event passed to `send`, including failed attempts. */
  readonly calls: SupervisorEvent[];
  /** Events whose send succeeded. */
  readonly delivered: SupervisorEvent[];
  readonly closed: boolean;
}

/**
 * An in-memory notifier (unstorage's memory driver, for notifiers): each `send` takes the next step
 * of `script`, then `otherwise` once the script is used up.
 */
export function scriptedNotifier(
  name: string,
  script: SendStep[] = [],
  otherwise: SendStep = 'ok',
): ScriptedNotifier {
  const steps = [...script];
  const calls: SupervisorEvent[] = [];
  const delivered: SupervisorEvent[] = [];
  let closed = false;
  return {
    name,
    calls,
    delivered,
    get closed() {
      return closed;
    },
    async send(event) {
      calls.push(event);
      const step = steps.length > 0 ? steps.shift() : otherwise;
      if (step === 'hang') return new Promise<void>(() => undefined);
      if (step instanceof Error) throw step;
      if (typeof step === 'function') await step(event);
      delivered.push(event);
    },
    async close() {
      closed = true;
    },
  };
}
