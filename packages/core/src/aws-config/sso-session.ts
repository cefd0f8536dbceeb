/** One refresh unit: an sso-session, or the legacy profiles sharing one start URL. */
export interface SsoSession {
  /** Stable key: the sso-session name, or `legacy:<startUrl>`. */
  id: string;
  /** sso-session name; null for legacy profiles. */
  name: string | null;
  startUrl: string;
  region: string;
  registrationScopes: string[];
  profiles: string[];
  cacheFile: string;
  /** What a person runs to log in again. */
  loginCommand: string;
}
