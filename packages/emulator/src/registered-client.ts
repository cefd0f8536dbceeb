export interface RegisteredClient {
  clientId: string;
  clientSecret: string;
  issuedAtMs: number;
  expiresAtMs: number;
  /** AWS returns refresh tokens only to clients registered with sso:account:access. */
  issuesRefreshTokens: boolean;
  /** As registered; a device-code client (the AWS CLI before 2.22) sends none. */
  grantTypes: string[];
  /** Where the authorize endpoint may send the browser back (authorization-code clients). */
  redirectUris: string[];
  issuerUrl?: string;
  scopes: string[];
}

/** What RegisterClient may add beyond the name and type. */
export type ClientMetadata = Partial<
  Pick<RegisteredClient, 'grantTypes' | 'redirectUris' | 'issuerUrl' | 'scopes'>
>;
