import { SupervisorError } from './supervisor-error';

/** A failure that may clear by itself: 5xx, throttling, timeouts, network trouble, a garbled response. */
export class TransientError extends SupervisorError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, true, options);
  }
}
