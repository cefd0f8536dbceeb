import type { SsoSession } from '../aws-config/discover-sessions';
import { formatFinding } from '../aws-config/read-aws-config';
import type { ResolvedPaths } from '../paths/resolve-paths';
import { loadSetup, type Setup, type SetupOptions } from '../setup/load-setup';
import { formatIssue } from '../config/config-issues';
import { didYouMeanSuffix, quoteName } from '../config/error-wording';
import { type CredentialsFailure, CredentialsError } from '../errors';

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

/** What resolving a name needs of a Setup. */
export type SessionLookup = Pick<Setup, 'awsConfig' | 'sessions'> &
  Partial<Pick<Setup, 'findings'>> & {
    paths: Pick<ResolvedPaths, 'awsConfigFile'>;
  };

function configFailure(message: string): { failure: CredentialsFailure } {
  return { failure: { kind: 'config', message } };
}

/** A profile name to its session, account and role; what is missing or wrong is named, as a config failure. */
export function resolveSsoProfile(
  setup: SessionLookup,
  name: string,
): { profile: SsoProfile } | { failure: CredentialsFailure } {
  const file = setup.paths.awsConfigFile;
  const section = setup.awsConfig.profiles[name];
  if (!section) {
    const known = setup.sessions.flatMap((s) => s.profiles);
    const guess = didYouMeanSuffix(name, known);
    const hint = !guess && known.length ? ` (SSO profiles there: ${known.join(', ')})` : '';
    return configFailure(`profile ${quoteName(name)} is not in ${file}${guess}${hint}`);
  }
  if (!section.sso_session && !section.sso_start_url) {
    return configFailure(
      `profile "${name}" in ${file} is not an SSO profile: it has neither sso_session nor sso_start_url`,
    );
  }
  const session = setup.sessions.find((s) => s.profiles.includes(name));
  if (!session) {
    // A finding about the profile itself (an sso_region clashing with its sso-session's) says it best.
    const finding = setup.findings?.find(
      (f) => f.section === (name === 'default' ? 'default' : `profile ${name}`),
    );
    if (finding) return configFailure(formatFinding(finding));
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

/** A session name or profile name to its session; an unknown name is a config failure listing the known ones. */
export function resolveSession(
  setup: SessionLookup,
  nameOrProfile: string,
): { session: SsoSession } | { failure: CredentialsFailure } {
  const session = findSession(setup.sessions, nameOrProfile);
  if (session) return { session };
  return configFailure(unknownSessionMessage(setup.sessions, nameOrProfile, setup.paths.awsConfigFile));
}

/** `no SSO session or profile "x" in FILE (did you mean "y"?)`, else the known sessions listed. */
export function unknownSessionMessage(sessions: SsoSession[], name: string, file: string): string {
  const names = sessions.flatMap((s) => (s.name === null ? s.profiles : [s.name, ...s.profiles]));
  const guess = didYouMeanSuffix(name, names);
  const known = sessions.map((s) => s.name ?? s.profiles[0]).join(', ') || 'none';
  return `no SSO session or profile ${quoteName(name)} in ${file}${guess || ` (sessions: ${known})`}`;
}

/**
 * loadSetup for the programmatic API, which must throw: a config mistake is a CredentialsError (`config`).
 * It serves sessions only, so the notifier and export parts of supervisor.yaml cannot fail it.
 */
export async function loadSetupOrThrow(options: SetupOptions): Promise<Setup> {
  const loaded = await loadSetup({ sessionsOnly: true, ...options });
  if ('errors' in loaded) {
    throw new CredentialsError({ kind: 'config', message: loaded.errors.map(formatIssue).join('\n') });
  }
  return loaded.setup;
}

export interface SessionSelection extends SetupOptions {
  /** An sso-session name, or a profile name (meaning its session). Default: $AWS_PROFILE. */
  session?: string;
}

/** Loads the setup and resolves one session; throws CredentialsError (kind `config`) when that fails. */
export async function loadSession(options: SessionSelection): Promise<{ setup: Setup; session: SsoSession }> {
  const setup = await loadSetupOrThrow(options);
  const wanted = options.session ?? (options.env ?? process.env).AWS_PROFILE;
  if (!wanted) {
    const message = 'no session named: pass `session` (an sso-session or profile name) or set AWS_PROFILE';
    throw new CredentialsError({ kind: 'config', message });
  }
  const found = resolveSession(setup, wanted);
  if ('failure' in found) throw new CredentialsError(found.failure);
  return { setup, session: found.session };
}
