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
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function pyJson(value: unknown): string {
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) return `[${value.map(pyJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${pyString(k)}: ${pyJson(v)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Serialises a token the way botocore and the AWS CLI write it: one line, `", "` and `": "`
 * separators, no trailing newline, known keys first in botocore's order.
 */
export function formatCachedToken(token: CachedToken): string {
  const ordered: Record<string, unknown> = {};
  for (const key of KEY_ORDER) if (token[key] !== undefined) ordered[key] = token[key];
  for (const [key, value] of Object.entries(token)) if (!(key in ordered)) ordered[key] = value;
  return pyJson(ordered);
}

/** `%Y-%m-%dT%H:%M:%SZ`, the timestamp form botocore writes. */
export function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
