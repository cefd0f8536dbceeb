import type { SsoSession } from '../aws-config/discover-sessions';
import type { ConfigIssue } from './config-issues';
import { SESSION_SETTING_KEYS, type SessionSettings, type SupervisorConfig } from './supervisor-config';

/** A session the daemon watches, with its effective settings. */
export interface SupervisedSession {
  session: SsoSession;
  settings: SessionSettings;
}

/**
 * `base` with every setting `overrides` gives. A key left undefined keeps the base value: spreading it
 * would overwrite the base with undefined.
 */
export function withOverrides(base: SessionSettings, overrides: Partial<SessionSettings>): SessionSettings {
  const settings: Record<string, unknown> = { ...base };
  for (const key of SESSION_SETTING_KEYS) {
    if (overrides[key] !== undefined) settings[key] = overrides[key];
  }
  return settings as unknown as SessionSettings;
}

/**
 * Applies `sessions:` from supervisor.yaml to what the AWS config holds: no list means every session
 * with the defaults; a listed session the AWS config lacks is an error naming it.
 */
export function selectSessions(
  discovered: SsoSession[],
  config: SupervisorConfig,
  awsConfigFile: string,
): { supervised: SupervisedSession[]; errors: ConfigIssue[] } {
  if (!config.sessions)
    return { supervised: discovered.map((session) => ({ session, settings: config.defaults })), errors: [] };
  const errors: ConfigIssue[] = [];
  const chosen = new Map<string, SupervisedSession>();
  config.sessions.forEach((selector, i) => {
    const { line, ...overrides } = selector;
    const byName = 'name' in selector;
    const wanted = byName ? selector.name : selector.profile;
    const session = discovered.find((s) => (byName ? s.name === wanted : s.profiles.includes(wanted)));
    if (!session) {
      errors.push({
        file: config.file,
        line,
        path: `sessions[${i}].${byName ? 'name' : 'profile'}`,
        message: `${byName ? 'sso-session' : 'profile'} "${wanted}" is not in ${awsConfigFile}${byName ? '' : ' as an SSO profile'}`,
      });
      return;
    }
    chosen.set(session.id, { session, settings: withOverrides(config.defaults, overrides) });
  });
  return { supervised: [...chosen.values()], errors };
}
