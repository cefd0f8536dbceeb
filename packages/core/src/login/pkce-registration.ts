/**
 * A client registration for the authorization-code grant, as the AWS CLI caches it (botocore
 * SSOTokenFetcherAuth): `grantTypes` is how botocore tells it from a device-code registration.
 */
export interface PkceRegistration {
  clientId: string;
  clientSecret: string;
  /** `%Y-%m-%dT%H:%M:%SZ`, when the registration (and every refresh token issued to it) ends. */
  expiresAt: string;
  scopes: string[];
  grantTypes: string[];
}

export const PKCE_GRANT_TYPES = ['authorization_code', 'refresh_token'];
/** Registered without a port; the authorize request adds the one we listen on (RFC 8252 section 7.3). */
export const REGISTERED_REDIRECT_URI = 'http://127.0.0.1/oauth/callback';
/** botocore's `_EXPIRY_WINDOW`: a registration ending within 15 minutes is not reused. */
const REUSE_MARGIN_MS = 15 * 60 * 1000;

/** Whether a cached registration can serve this login: one for the authorization-code grant, not ending soon. */
export function isReusablePkceRegistration(registration: PkceRegistration | undefined, now: Date): boolean {
  if (!registration?.clientId || !registration.clientSecret) return false;
  if (!registration.grantTypes?.includes('authorization_code')) return false;
  return Date.parse(registration.expiresAt) - now.getTime() > REUSE_MARGIN_MS;
}
