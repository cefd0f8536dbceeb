import type { AwsConfigFinding } from '../aws-config/aws-config-finding';
import { discoverSessions } from '../aws-config/discover-sessions';
import { readAwsConfig, type AwsConfigData } from '../aws-config/read-aws-config';
import type { SsoSession } from '../aws-config/sso-session';
import type { SessionSettings, SupervisorConfig } from '../config/supervisor-config';
import type { ResolvedPaths } from '../paths/resolve-paths';
import { selectSessions } from '../supervisor/select-sessions';

/** What the credential and token functions need: the AWS config, every SSO session in it, the state dir. */
export interface CredentialsSetup {
  awsConfigFile: string;
  awsConfig: AwsConfigData;
  /** Every SSO session in the AWS config, supervised or not: any SSO profile may ask for credentials. */
  sessions: SsoSession[];
  findings: AwsConfigFinding[];
  stateDir: string;
  /** The session's settings from supervisor.yaml, or the defaults for a session it does not list. */
  settingsFor(session: SsoSession): SessionSettings;
}

/** Reads the AWS config for an already loaded supervisor config. No network, no AWS SDK. */
export async function buildCredentialsSetup(
  config: SupervisorConfig,
  paths: ResolvedPaths,
): Promise<CredentialsSetup> {
  const awsConfig = await readAwsConfig(paths.awsConfigFile);
  const { sessions, findings } = discoverSessions(awsConfig, paths.awsConfigFile, paths.cacheDir);
  // A listed session the AWS config lacks is reported by `validate` and `doctor`; here it only has no settings.
  const { supervised } = selectSessions(sessions, config, paths.awsConfigFile);
  const settings = new Map(supervised.map((s) => [s.session.id, s.settings]));
  return {
    awsConfigFile: paths.awsConfigFile,
    awsConfig,
    sessions,
    findings,
    stateDir: paths.stateDir,
    settingsFor: (session) => settings.get(session.id) ?? config.defaults,
  };
}
