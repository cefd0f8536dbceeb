import { SupervisorError } from '../errors/supervisor-error';
import type { CredentialsFailure } from './credentials-failure';

const RETRYABLE = new Set(['throttled', 'unavailable']);

/** A CredentialsFailure thrown, for the programmatic API where an AWS SDK provider must throw. */
export class CredentialsError extends SupervisorError {
  constructor(readonly failure: CredentialsFailure) {
    super(failure.message, RETRYABLE.has(failure.kind));
  }
}
