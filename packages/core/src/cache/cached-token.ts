import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';

// ISO 8601 with a zone, as botocore and the JS SDK write it; Date.parse alone would take "1" as a year.
const ISO_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)$/;
// Older forms the AWS tools still read (docs/aws-facts.md "File format"): the AWS CLI v2's JSONFileCache
// wrote `%Y-%m-%dT%H:%M:%S%Z` (`…UTC`), and some writers put a space for the `T` (`2026-12-01 10:00:00Z`).
const UTC_SUFFIX = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)UTC$/;
const SPACE_SEPARATED = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d))$/;

/** A timestamp in a form botocore and the JS SDK both read, as an ISO 8601 string; null for any other. */
export function normalizeTimestamp(value: string): string | null {
  const utc = UTC_SUFFIX.exec(value);
  const spaced = SPACE_SEPARATED.exec(value);
  const iso = utc ? `${utc[1]}Z` : spaced ? `${spaced[1]}T${spaced[2]}` : value;
  const ms = Date.parse(iso);
  if (!ISO_TIMESTAMP.test(iso) || Number.isNaN(ms)) return null;
  // Only the older forms are rewritten, in the form botocore writes; a current one is kept byte for byte.
  return iso === value ? value : formatTimestamp(new Date(ms));
}

const timestamp = z.string().transform((value, ctx) => {
  const normalized = normalizeTimestamp(value);
  if (normalized !== null) return normalized;
  ctx.addIssue({ code: 'custom', message: 'is not an ISO 8601 timestamp with a zone' });
  return z.NEVER;
});

/**
 * A token cache file as botocore and the JS SDK write it. Unknown keys are kept so a rewrite
 * never drops what another tool stored; timestamps in an older form come out in the current one, so
 * the next write stores that.
 */
export const cachedTokenSchema = z
  .object({
    startUrl: z.string().optional(),
    region: z.string().optional(),
    accessToken: z.string().min(1, 'is empty'),
    expiresAt: timestamp,
    clientId: z.string().optional(),
    clientSecret: z.string().optional(),
    registrationExpiresAt: timestamp.optional(),
    refreshToken: z.string().optional(),
  })
  .passthrough();

export type CachedToken = z.infer<typeof cachedTokenSchema>;

/**
 * The token cache file of a session: SHA-1 of the sso-session name, or of the start URL for a legacy
 * profile, lower-case hex, no normalisation (docs/aws-facts.md). Hashing the start URL for an sso-session
 * finds the wrong file.
 */
export function cacheFilePath(cacheDir: string, key: { sessionName: string } | { startUrl: string }): string {
  const input = 'sessionName' in key ? key.sessionName : key.startUrl;
  return join(cacheDir, `${createHash('sha1').update(input, 'utf8').digest('hex')}.json`);
}

/**
 * A short stand-in for a cache file's content (null: no file), to tell whether the file changed without
 * keeping its text, which holds the access and refresh tokens.
 */
export function contentFingerprint(raw: string | null): string | null {
  return raw === null ? null : createHash('sha256').update(raw, 'utf8').digest('hex');
}

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
