/**
 * Base of the few named failures. `retryable` says whether trying the same thing later can
 * succeed without a person acting (the terminal/recoverable split of the SDK's ProviderError).
 */
export class SupervisorError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
