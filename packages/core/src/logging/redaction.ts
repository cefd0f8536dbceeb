import { format, type Logform } from 'winston';

const MIN_LENGTH = 8;

/**
 * Secret values seen at run time (tokens, client secrets, role keys), so the log format can blank them
 * wherever they turn up: in a message, an error's stack, a field under an innocent key. Bounded, because a
 * daemon that refreshes for months sees an endless stream of tokens; the oldest are the ones no longer in use.
 */
export class SecretRegistry {
  static readonly REDACTED = '[redacted]';

  private readonly values = new Set<string>();
  private longestFirst: string[] | null = null;

  constructor(private readonly maxSize = 256) {}

  get size(): number {
    return this.values.size;
  }

  /** Short values are ignored: blanking every `us-east-1` or `true` would ruin the log and protect nothing. */
  add(value: string | null | undefined): void {
    if (typeof value !== 'string' || value.length < MIN_LENGTH) return;
    this.values.delete(value);
    this.values.add(value);
    for (const oldest of this.values) {
      if (this.values.size <= this.maxSize) break;
      this.values.delete(oldest);
    }
    this.longestFirst = null;
  }

  /**
   * A plain substring search per secret, not one alternation RegExp: a daemon adds secrets on every refresh,
   * and each change recompiled a pattern of up to 256 tokens whose native code (hundreds of KB, in V8's
   * large-object code space) piled up between major GCs: the soak's RSS grew by ~50 MB over 1,500 refreshes.
   */
  redact(text: string): string {
    if (this.values.size === 0 || text.length < MIN_LENGTH) return text;
    // Longest first, so a secret that contains another is blanked whole rather than leaving its remainder.
    this.longestFirst ??= [...this.values].sort((a, b) => b.length - a.length);
    let out = text;
    for (const secret of this.longestFirst) {
      if (secret.length > out.length) continue;
      if (out.includes(secret)) out = out.split(secret).join(SecretRegistry.REDACTED);
    }
    return out;
  }
}

const SECRET_KEYS = new Set(
  [
    'accessToken',
    'refreshToken',
    'clientSecret',
    'secretAccessKey',
    'sessionToken',
    'deviceCode',
    'secret',
    'password',
    'authorization',
  ].map((k) => k.toLowerCase()),
);
const SECRET_KEY_PATTERN = /token|secret|password/i;
// Keys the pattern catches that only ever hold metadata; blanking them would hide what a reader needs.
const SAFE_KEYS = new Set(['tokenType', 'expiresAt', 'tokenExpiresAt'].map((k) => k.toLowerCase()));
const MAX_DEPTH = 10;

function isSecretKey(key: string): boolean {
  const lower = key.toLowerCase();
  return !SAFE_KEYS.has(lower) && (SECRET_KEYS.has(lower) || SECRET_KEY_PATTERN.test(key));
}

/**
 * A copy of `value` fit for a log line: values under secret keys blanked, registered secrets blanked inside
 * every string, errors turned into plain objects (their message and stack are not enumerable, so JSON would
 * drop them), cycles and depth cut. The copy is plain data, safe to JSON.stringify.
 */
export function redactValue(value: unknown, secrets: SecretRegistry): unknown {
  return walk(value, secrets, new Set());
}

function walk(value: unknown, secrets: SecretRegistry, ancestors: Set<object>): unknown {
  if (typeof value === 'string') return secrets.redact(value);
  if (typeof value === 'bigint' || typeof value === 'symbol') return secrets.redact(String(value));
  if (typeof value === 'function') return undefined;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  if (ancestors.has(value)) return '[circular]';
  if (ancestors.size >= MAX_DEPTH) return '[too deep]';
  ancestors.add(value);
  try {
    if (value instanceof Error) return errorFields(value, secrets, ancestors);
    if (Array.isArray(value) || value instanceof Set)
      return [...value].map((v) => walk(v, secrets, ancestors));
    const entries: [string, unknown][] =
      value instanceof Map ? [...value].map(([k, v]) => [String(k), v]) : Object.entries(value);
    return fields(entries, secrets, ancestors);
  } finally {
    ancestors.delete(value);
  }
}

function fields(entries: [string, unknown][], secrets: SecretRegistry, ancestors: Set<object>) {
  const out: Record<string, unknown> = {};
  for (const [key, v] of entries) out[key] = fieldValue(key, v, secrets, ancestors);
  return out;
}

function fieldValue(key: string, value: unknown, secrets: SecretRegistry, ancestors: Set<object>) {
  // Presence and absence are worth seeing (`refreshToken: null` explains a failed refresh); a value is not.
  const revealing = value !== null && value !== undefined && typeof value !== 'boolean';
  return revealing && isSecretKey(key) ? SecretRegistry.REDACTED : walk(value, secrets, ancestors);
}

/**
 * Name, message, stack and the primitive fields (code, status, `$fault`), plus the cause. Object-valued
 * fields are left out on purpose: HTTP client errors carry the request (headers, form body with the refresh
 * token and client secret) and the response; nothing in them helps a reader more than it risks.
 */
function errorFields(error: Error, secrets: SecretRegistry, ancestors: Set<object>) {
  const out: Record<string, unknown> = { name: error.name, message: secrets.redact(String(error.message)) };
  for (const [key, v] of Object.entries(error)) {
    if (v === null || typeof v !== 'object') out[key] = fieldValue(key, v, secrets, ancestors);
  }
  if (error.cause !== undefined) out.cause = walk(error.cause, secrets, ancestors);
  if (typeof error.stack === 'string') out.stack = secrets.redact(error.stack);
  return out;
}

const SPLAT = Symbol.for('splat');
const OWN = new Set(['level', 'message', 'stack']);

/**
 * The one place secrets leave log entries: every field (nested, in errors, under secret-looking keys) and
 * every string (message, stack) on its way to any transport. The result is a fresh plain object, so a
 * transport never sees the caller's objects, and the raw splat arguments are dropped for the same reason.
 */
export function redactFormat(secrets: SecretRegistry): Logform.Format {
  return format((info) => {
    const out: Logform.TransformableInfo = { level: info.level, message: '' };
    for (const symbol of Object.getOwnPropertySymbols(info)) {
      const value = info[symbol];
      if (symbol !== SPLAT) out[symbol] = typeof value === 'string' ? secrets.redact(value) : value;
    }
    // `logger.error(err)` makes the Error itself the entry; its message and stack are not enumerable.
    let { message, stack } = info as { message: unknown; stack?: unknown };
    if (message instanceof Error) {
      stack ??= message.stack;
      message = message.message;
    }
    out.message = typeof message === 'string' ? secrets.redact(message) : redactValue(message, secrets);
    const rest = Object.fromEntries(Object.entries(info).filter(([key]) => !OWN.has(key)));
    Object.assign(out, redactValue(rest, secrets));
    if (typeof stack === 'string') out.stack = secrets.redact(stack);
    return out;
  })();
}
