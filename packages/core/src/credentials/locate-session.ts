import type { SsoSession } from '../aws-config/sso-session';
import type { CredentialsSetup } from './credentials-setup';
import { CredentialsError } from '../errors';
import { findSession } from './find-session';
import { loadCredentialsSetup, type SetupOptions } from './load-credentials-setup';

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
