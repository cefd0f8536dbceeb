import type { CredentialsSetup } from './credentials-setup';
import type { CredentialsFailure } from '../errors';
import type { SsoProfile } from './sso-profile';

type ProfileLookup = Pick<CredentialsSetup, 'awsConfig' | 'awsConfigFile' | 'sessions'>;

function configFailure(message: string): { failure: CredentialsFailure } {
  return { failure: { kind: 'config', message } };
}

/** A profile name to its session, account and role; what is missing or wrong is named, as a config failure. */
export function resolveSsoProfile(
  setup: ProfileLookup,
  name: string,
): { profile: SsoProfile } | { failure: CredentialsFailure } {
  const file = setup.awsConfigFile;
  const section = setup.awsConfig.profiles[name];
  if (!section) {
    const known = setup.sessions.flatMap((s) => s.profiles);
    const hint = known.length ? ` (SSO profiles there: ${known.join(', ')})` : '';
    return configFailure(`profile "${name}" is not in ${file}${hint}`);
  }
  if (!section.sso_session && !section.sso_start_url) {
    return configFailure(
      `profile "${name}" in ${file} is not an SSO profile: it has neither sso_session nor sso_start_url`,
    );
  }
  const session = setup.sessions.find((s) => s.profiles.includes(name));
  if (!session) {
    const what = section.sso_session ? `its sso-session "${section.sso_session}"` : 'its sso_region';
    return configFailure(`profile "${name}" in ${file}: ${what} is missing or incomplete`);
  }
  const missing = ['sso_account_id', 'sso_role_name'].filter((key) => !section[key]);
  if (missing.length) {
    return configFailure(
      `profile "${name}" in ${file} has no ${missing.join(' or ')}, so there is no role to get credentials for`,
    );
  }
  return {
    profile: { name, session, accountId: section.sso_account_id!, roleName: section.sso_role_name! },
  };
}
