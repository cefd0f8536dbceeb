import type { CachedToken } from './cached-token';

/** botocore's key order; other tools' keys follow in the order they had. */
const KEY_ORDER = [
  'startUrl',
  'region',
  'accessToken',
  'expiresAt',
  'clientId',
  'clientSecret',
  'registrationExpiresAt',
  'refreshToken',
];

/** Python's json.dumps with ensure_ascii: non-ASCII becomes \uXXXX. */
function pyString(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function pyObject(entries: [string, unknown][]): string {
  return `{${entries
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${pyString(k)}: ${pyJson(v)}`)
    .join(', ')}}`;
}

function pyJson(value: unknown): string {
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) return `[${value.map(pyJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') return pyObject(Object.entries(value));
  return JSON.stringify(value);
}

/**
 * Serialises a token the way botocore and the AWS CLI write it: one line, `", "` and `": "`
 * separators, no trailing newline, known keys first in botocore's order.
 */
export function formatCachedToken(token: CachedToken): string {
  // A list, not an object: an object would move integer-like keys ("42") ahead of startUrl.
  const known = KEY_ORDER.map((key): [string, unknown] => [key, token[key]]);
  const others = Object.entries(token).filter(([key]) => !KEY_ORDER.includes(key));
  return pyObject([...known, ...others]);
}

/** `%Y-%m-%dT%H:%M:%SZ`, the timestamp form botocore writes. */
export function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
