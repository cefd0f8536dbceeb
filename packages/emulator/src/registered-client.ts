export interface RegisteredClient {
  clientId: string;
  clientSecret: string;
  issuedAtMs: number;
  expiresAtMs: number;
  /** AWS returns refresh tokens only to clients registered with sso:account:access. */
  issuesRefreshTokens: boolean;
}
