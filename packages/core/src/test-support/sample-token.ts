import { type CachedToken, formatTimestamp } from '../cache/cached-token';

/** Every secret in a sample contains this, so a test can scan output for it. */
export const SECRET_MARK = 'SECRET';

/**
 * A refreshable token in botocore's form expiring at `expiresAt`, its registration alive for 60 days
 * after that. Secret values carry SECRET_MARK.
 */
export function sampleToken(expiresAt: Date, overrides: Partial<CachedToken> = {}): CachedToken {
  return {
    startUrl: 'https://d-123.awsapps.com/start',
    region: 'us-east-1',
    accessToken: `${SECRET_MARK}-access-old`,
    expiresAt: formatTimestamp(expiresAt),
    clientId: 'client-id-1',
    clientSecret: `${SECRET_MARK}-client-secret`,
    registrationExpiresAt: formatTimestamp(new Date(expiresAt.getTime() + 60 * 86400_000)),
    refreshToken: `${SECRET_MARK}-refresh-old`,
    ...overrides,
  };
}
