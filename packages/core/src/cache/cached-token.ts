import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';

// ISO 8601 with a zone, as botocore and the JS SDK write it; Date.parse alone would take "1" as a year.
const ISO_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)$/;
const timestamp = z.string().refine((s) => ISO_TIMESTAMP.test(s) && !Number.isNaN(Date.parse(s)), {
  message: 'is not an ISO 8601 timestamp with a zone',
});

/**
 * A token cache file as botocore and the JS SDK write it. Unknown keys are kept so a rewrite
 * never drops what another tool stored.
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
 * profile, lower-case hex, no normalisation (aws-facts.md). Hashing the start URL for an sso-session
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
