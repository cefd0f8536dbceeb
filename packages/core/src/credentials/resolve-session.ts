import type { SsoSession } from '../aws-config/discover-sessions';
import { type CredentialsSetup, loadCredentialsSetup, type SetupOptions } from '../setup/load-setup';
import type { CredentialsFailure } from './credentials-failure';
import { CredentialsError } from './credentials-error';

/** An SSO profile resolved to what GetRoleCredentials needs: its session's token, account and role. */
export interface SsoProfile {
  name: string;
  session: SsoSession;
  accountId: string;
  roleName: string;
}

/** An sso-session by name, else the session of the profile so named (a legacy profile has no session name). */
export function findSession(sessions: SsoSession[], nameOrProfile: string): SsoSession | undefined {
  return (
    sessions.find((s) => s.name === nameOrProfile) ?? sessions.find((s) => s.profiles.includes(nameOrProfile))
  );
}

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

export interface SessionSelection extends SetupOptions {
  /** An sso-session name, or a profile name (meaning its session). Default: $AWS_PROFILE. */
  session?: string;
}

/** Loads the setup and picks one session; throws CredentialsError (kind `config`) when that fails. */
export async function locateSession(
  options: SessionSelection,
): Promise<{ setup: CredentialsSetup; session: SsoSession }> {
  const loaded = await loadCredentialsSetup(options);
  if ('errors' in loaded) throw new CredentialsError({ kind: 'config', message: loaded.errors.join('\n') });
  const { setup } = loaded;
  const wanted = options.session ?? (options.env ?? process.env).AWS_PROFILE;
  if (!wanted) {
    const message = 'no session named: pass `session` (an sso-session or profile name) or set AWS_PROFILE';
    throw new CredentialsError({ kind: 'config', message });
  }
  const session = findSession(setup.sessions, wanted);
  if (!session) {
    const known = setup.sessions.map((s) => s.name ?? s.profiles[0]).join(', ') || 'none';
    const message = `no SSO session or profile "${wanted}" in ${setup.awsConfigFile} (sessions: ${known})`;
    throw new CredentialsError({ kind: 'config', message });
  }
  return { setup, session };
}
