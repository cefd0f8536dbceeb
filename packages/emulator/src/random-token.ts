import { randomBytes } from 'node:crypto';

/** A random base64url token with a prefix that makes it easy to find in a secret scan. */
export function randomToken(prefix: string, bytes = 32): string {
  return prefix + randomBytes(bytes).toString('base64url');
}
