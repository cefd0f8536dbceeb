import type { Logger } from '../util/logger';
import type { SupervisorEvent } from './supervisor-event';

const LEVEL = { info: 'info', warning: 'warn', error: 'error' } as const;

/**
 * An EventBus listener that writes each event to the log at its severity: message plus fields. A device
 * login's code and link stay out of the log: they go to private notifiers only.
 */
export function logEvent(logger: Logger): (event: SupervisorEvent) => void {
  return (event) => {
    const { message, severity, type, time: _time, verificationUri: _uri, userCode: _code, ...fields } = event;
    logger[LEVEL[severity]](message, { event: type, ...fields });
  };
}
