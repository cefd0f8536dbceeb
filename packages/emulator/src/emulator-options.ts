import type { EmulatorAccount } from './emulator-account';

export interface EmulatorOptions {
  /** 0 (default) picks a free port. The server binds 127.0.0.1 only. */
  port?: number;
  /** Lifetime of every access token issued from now on. Default 3600. */
  accessTokenTtlSeconds?: number;
  /** true (default): a refresh token dies when used and a new one is returned. false: the same one is returned. */
  rotateRefreshTokens?: boolean;
  /** Delay before every response. A request whose client disconnects meanwhile is dropped unprocessed. Default 0. */
  latencyMs?: number;
  /** Lifetime of a client registration; it bounds every refresh token issued to it. Default 90 days. */
  registrationTtlSeconds?: number;
  /** Lifetime of role credentials from GetRoleCredentials. Default 3600. */
  roleCredentialTtlSeconds?: number;
  /** Lifetime of a device code. Default 600. */
  deviceCodeTtlSeconds?: number;
  /** Device-code polling interval in seconds; polling faster gets SlowDownException. Default 1. */
  deviceInterval?: number;
  /**
   * What ListAccounts/ListAccountRoles return. GetRoleCredentials does not consult it: any account and role
   * works unless `denyRole` was called, so tests can use whatever ids their config names.
   */
  accounts?: EmulatorAccount[];
  /** Generate this many accounts (see generateAccounts) instead of `accounts`, to exercise paging. */
  accountCount?: number;
  /** Page size of ListAccounts/ListAccountRoles when the request names no `max_result`. Default 20. */
  listPageSize?: number;
  /**
   * What the person at the authorize page does: 'approve' (default) redirects with a code, 'deny' with
   * `error=access_denied`. Changeable later with `setAuthorizeAnswer`.
   */
  authorizeAnswer?: 'approve' | 'deny';
  /** How many of the most recently issued secrets `issuedSecrets()` remembers. Default 50,000. */
  secretHistoryLimit?: number;
}
