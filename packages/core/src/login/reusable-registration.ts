import type { CachedToken } from '../cache/cached-token';
import type { Registration } from './device-auth-client';

/**
 * The client registration kept in a session's cache file, when it can serve one more login: complete,
 * from the session's region (a registration belongs to one), and with more than `marginMs` left.
 */
export function reusableRegistration(
  token: CachedToken | undefined,
  region: string,
  now: Date,
  marginMs: number,
): Registration | undefined {
  if (!token?.clientId || !token.clientSecret || !token.registrationExpiresAt) return undefined;
  if (token.region !== undefined && token.region !== region) return undefined;
  if (Date.parse(token.registrationExpiresAt) - now.getTime() <= marginMs) return undefined;
  return {
    clientId: token.clientId,
    clientSecret: token.clientSecret,
    registrationExpiresAt: token.registrationExpiresAt,
  };
}
