import { SecretRegistry } from './secret-registry';

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
