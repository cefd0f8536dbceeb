/**
 * The named failures, in one place. `retryable` says whether trying the same thing later can succeed
 * without a person acting (the terminal/recoverable split of the SDK's ProviderError).
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

/** A failure that may clear by itself: 5xx, throttling, timeouts, network trouble, a garbled response. */
export class TransientError extends SupervisorError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, true, options);
  }
}

/** The refresh token or client registration is dead: only a new login helps. */
export class ReauthRequiredError extends SupervisorError {
  constructor(
    message: string,
    readonly command: string,
    options?: { cause?: unknown },
  ) {
    super(message, false, options);
  }
}

/**
 * CreateToken answered without a usable access token but with a new refresh token. The call may have
 * spent the old refresh token (rotation), so the new one must be kept or the session is lost. The token
 * is a field, never part of the message.
 */
export class IncompleteRefreshError extends TransientError {
  constructor(
    message: string,
    readonly refreshToken: string,
  ) {
    super(message);
  }
}

/** A token cache file we cannot read, parse or write. Names the file and, where known, the field. */
export class CacheFileError extends SupervisorError {
  constructor(
    readonly file: string,
    readonly detail: string,
    retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${detail}`, retryable, options);
  }
}

/**
 * Why credentials or a token could not be had, as data:
 * - `config`: the profile is missing, not an SSO profile, or incomplete (a config mistake: exit 2);
 * - `login_required`: no token, or it and its refresh token are dead; `command` says what to run;
 * - `invalid_cache`: the token cache file cannot be read or parsed;
 * - `forbidden`: the portal refuses the account and role;
 * - `throttled`, `unavailable`: the portal or network failed after retries; trying later may work.
 */
export type CredentialsFailureKind =
  'config' | 'login_required' | 'invalid_cache' | 'forbidden' | 'throttled' | 'unavailable';

export interface CredentialsFailure {
  kind: CredentialsFailureKind;
  /** Secret-free, for a person: names the file, profile, account or role, and the fix. */
  message: string;
  /** What a person runs, when one must act. */
  command?: string;
}

const RETRYABLE_KINDS = new Set<CredentialsFailureKind>(['throttled', 'unavailable']);

/** A CredentialsFailure thrown, for the programmatic API where an AWS SDK provider must throw. */
export class CredentialsError extends SupervisorError {
  constructor(readonly failure: CredentialsFailure) {
    super(failure.message, RETRYABLE_KINDS.has(failure.kind));
  }
}

/**
 * Why no authorization code came back. None is retryable without a person: a refusal, a login nobody
 * finished, a port someone else holds.
 */
export type CallbackFailure =
  'denied' | 'authorize_error' | 'timeout' | 'aborted' | 'port_in_use' | 'listen_failed';

/** The PKCE login's browser step ended without an authorization code. */
export class CallbackError extends SupervisorError {
  constructor(
    readonly reason: CallbackFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, false, options);
  }
}

/** A config rewrite we will not do; the message says what to do instead. Never retryable. */
export class ConfigWriteRefused extends SupervisorError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, false, options);
  }
}
