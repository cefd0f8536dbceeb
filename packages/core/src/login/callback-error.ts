import { SupervisorError } from '../errors/supervisor-error';

/**
 * Why no authorization code came back. None is retryable without a person: a refusal, a login nobody
 * finished, a port someone else holds.
 */
export type CallbackFailure =
  'denied' | 'authorize_error' | 'timeout' | 'aborted' | 'port_in_use' | 'listen_failed';

export class CallbackError extends SupervisorError {
  constructor(
    readonly reason: CallbackFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, false, options);
  }
}
