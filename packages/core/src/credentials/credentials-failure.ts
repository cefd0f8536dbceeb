/**
 * Why credentials or a token could not be had, as data:
 * - `config`: the profile is missing, not an SSO profile, or incomplete (a config mistake: exit 2);
 * - `login_required`: no token, or it and its refresh token are dead; `command` says what to run;
 * - `invalid_cache`: the token cache file cannot be read or parsed;
 * - `forbidden`: the portal refuses the account and role;
 * - `throttled`, `unavailable`: the portal or network failed after retries; trying later may work.
 */
export type CredentialsFailureKind =
  'config' | 'login_required' | 'invalid_cache' | 'forbidden' | 'throttled' | 'unavailable';

export interface CredentialsFailure {
  kind: CredentialsFailureKind;
  /** Secret-free, for a person: names the file, profile, account or role, and the fix. */
  message: string;
  /** What a person runs, when one must act. */
  command?: string;
}
