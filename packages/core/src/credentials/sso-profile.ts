import type { SsoSession } from '../aws-config/sso-session';

/** An SSO profile resolved to what GetRoleCredentials needs: its session's token, account and role. */
export interface SsoProfile {
  name: string;
  session: SsoSession;
  accountId: string;
  roleName: string;
}
