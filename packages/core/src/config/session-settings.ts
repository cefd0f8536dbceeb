import type { SsoSession } from '../aws-config/discover-sessions';
import type { ConfigIssue } from './config-issues';
import type { SessionSettings, SupervisorConfig } from './supervisor-config';

/** A session the daemon watches, with its effective settings. */
export interface SupervisedSession {
  session: SsoSession;
  settings: SessionSettings;
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
    const settings: SessionSettings = {
      schedule: overrides.schedule ?? config.defaults.schedule,
      threshold: overrides.threshold ?? config.defaults.threshold,
      retry: overrides.retry ?? config.defaults.retry,
      timeout: overrides.timeout ?? config.defaults.timeout,
      registrationWarning: overrides.registrationWarning ?? config.defaults.registrationWarning,
      sessionWarning: overrides.sessionWarning ?? config.defaults.sessionWarning,
    };
    const sessionDuration = overrides.sessionDuration ?? config.defaults.sessionDuration;
    if (sessionDuration !== undefined) settings.sessionDuration = sessionDuration;
    chosen.set(session.id, { session, settings });
  });
  return { supervised: [...chosen.values()], errors };
}
