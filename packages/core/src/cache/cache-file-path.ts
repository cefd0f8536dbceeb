import { createHash } from 'node:crypto';
import { join } from 'node:path';

/**
 * The token cache file of a session: SHA-1 of the sso-session name, or of the start URL for a legacy
 * profile, lower-case hex, no normalisation (docs/aws-facts.md). Hashing the start URL for an sso-session
 * finds the wrong file.
 */
export function cacheFilePath(cacheDir: string, key: { sessionName: string } | { startUrl: string }): string {
  const input = 'sessionName' in key ? key.sessionName : key.startUrl;
  return join(cacheDir, `${createHash('sha1').update(input, 'utf8').digest('hex')}.json`);
}
