/**
 * How a device-code login ended. `superseded`: another login wrote the cache file meanwhile and was kept;
 * `aborted`: cancelled (Ctrl-C, shutdown, or a login of the person's own landed) before anything was written.
 */
export type LoginOutcome = 'logged_in' | 'denied' | 'expired' | 'superseded' | 'aborted' | 'failed';

/** One login's result. Secret-free: no token, code or link. */
export interface LoginResult {
  session: string | null;
  /** The session's stable id (name, or `legacy:<startUrl>`). */
  id: string;
  outcome: LoginOutcome;
  /** logged_in: when the new access token lapses. */
  expiresAt?: string;
  /** logged_in: when the client registration in the cache file ends. */
  registrationExpiresAt?: string;
  /** logged_in: the registration already in the cache file was used, no RegisterClient call was made. */
  reusedRegistration?: boolean;
  error?: string;
}
