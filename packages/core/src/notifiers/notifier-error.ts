import { SupervisorError } from '../errors';

/**
 * A failed delivery. `retryable` tells the dispatcher whether another attempt can help (5xx, 429,
 * network trouble) or not (a dead webhook URL, refused credentials); `retryAfterMs` carries a
 * server's Retry-After so the next attempt honours it. No `cause` on purpose: the underlying HTTP
 * or SMTP error holds the request (webhook URL, headers, credentials) and must not reach a log.
 */
export class NotifierError extends SupervisorError {
  readonly retryAfterMs?: number;

  constructor(message: string, options: { retryable: boolean; retryAfterMs?: number }) {
    super(message, options.retryable);
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}
