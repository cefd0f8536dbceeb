import type { Grant } from './grant';
import { randomToken } from './random-token';
import type { SecretLog } from './secret-log';

/**
 * Older access tokens of one login are dropped once this many newer ones exist. AWS keeps them valid until
 * they expire; dropping them keeps memory flat under a refresh soak with long token lifetimes.
 */
const LIVE_ACCESS_TOKENS_PER_GRANT = 8;

export class TokenStore {
  private readonly accessExpiry = new Map<string, number>();
  private readonly refreshGrants = new Map<string, Grant>();

  constructor(private readonly secrets: SecretLog) {}

  issueAccessToken(grant: Grant, ttlSeconds: number, now: number): string {
    const token = randomToken('aoa_', 48);
    this.accessExpiry.set(token, now + ttlSeconds * 1000);
    grant.accessTokens.push(token);
    if (grant.accessTokens.length > LIVE_ACCESS_TOKENS_PER_GRANT) {
      this.accessExpiry.delete(grant.accessTokens.shift() as string);
    }
    this.secrets.record(token);
    return token;
  }

  issueRefreshToken(grant: Grant): string {
    const token = randomToken('aor_', 48);
    this.refreshGrants.set(token, grant);
    this.secrets.record(token);
    return token;
  }

  /** The grant a refresh token belongs to, if it is live and was issued to this client. */
  grantFor(refreshToken: unknown, clientId: string): Grant | undefined {
    const grant = typeof refreshToken === 'string' ? this.refreshGrants.get(refreshToken) : undefined;
    return grant?.clientId === clientId ? grant : undefined;
  }

  isAccessTokenLive(token: string | undefined, now: number): boolean {
    const expiry = token === undefined ? undefined : this.accessExpiry.get(token);
    return expiry !== undefined && expiry > now;
  }

  revokeRefreshToken(token: string): void {
    this.refreshGrants.delete(token);
  }

  revokeAllRefreshTokens(): void {
    this.refreshGrants.clear();
  }

  sweep(now: number, isClientLive: (clientId: string) => boolean): void {
    for (const [token, expiry] of this.accessExpiry) if (expiry <= now) this.accessExpiry.delete(token);
    for (const [token, grant] of this.refreshGrants) {
      if (!isClientLive(grant.clientId)) this.refreshGrants.delete(token);
    }
  }

  get accessTokenCount(): number {
    return this.accessExpiry.size;
  }

  get refreshTokenCount(): number {
    return this.refreshGrants.size;
  }
}
