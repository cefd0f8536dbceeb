/**
 * How a plugin reports a failed delivery, recognised by properties rather than by class identity: a
 * plugin installed on its own carries its own copy of this package, and `instanceof` across two
 * copies is false. The brand is a registered symbol (`Symbol.for`), the same in every copy.
 */
const BRAND = Symbol.for('@sso-supervisor/notifier-api/NotifierError');

/**
 * A failed delivery. `retryable` tells the dispatcher whether another attempt can help (5xx, 429,
 * network trouble) or not (a dead webhook URL, refused credentials); `retryAfterMs` carries a
 * server's Retry-After so the next attempt honours it. No `cause` on purpose: the underlying HTTP
 * or SMTP error holds the request (webhook URL, headers, credentials) and must not reach a log.
 */
export class NotifierError extends Error {
  readonly retryable: boolean;
  readonly retryAfterMs?: number;

  constructor(message: string, options: { retryable: boolean; retryAfterMs?: number }) {
    super(message);
    this.name = new.target.name;
    this.retryable = options.retryable;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** `x instanceof NotifierError` holds for an error made by any copy of this package. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this !== NotifierError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return isNotifierError(value);
  }
}

function field(value: unknown, key: PropertyKey): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<PropertyKey, unknown>)[key]
    : undefined;
}

/** Whether `value` is a NotifierError from any copy of this package. */
export function isNotifierError(value: unknown): value is NotifierError {
  return field(value, BRAND) === true;
}

/**
 * The `retryable` flag of any error that states one (a NotifierError, or the host's own errors);
 * undefined when it does not say, which the dispatcher treats as "may help, within bounded attempts".
 */
export function retryableOf(error: unknown): boolean | undefined {
  const retryable = field(error, 'retryable');
  return typeof retryable === 'boolean' ? retryable : undefined;
}

/** The wait a failed delivery asks for (a server's Retry-After), in milliseconds, if it states one. */
export function retryAfterMsOf(error: unknown): number | undefined {
  const wait = field(error, 'retryAfterMs');
  return typeof wait === 'number' && Number.isFinite(wait) && wait >= 0 ? wait : undefined;
}
