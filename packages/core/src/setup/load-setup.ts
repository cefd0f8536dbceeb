import { homedir } from 'node:os';
import { type AwsConfigFinding, readAwsConfig, type AwsConfigData } from '../aws-config/read-aws-config';
import { discoverSessions, type SsoSession } from '../aws-config/discover-sessions';
import type { SessionSettings, SupervisorConfig } from '../config/supervisor-config';
import { type ResolvedPaths, resolvePaths } from '../paths/resolve-paths';
import { selectSessions } from '../config/session-settings';
import { formatIssue } from '../config/config-issues';
import { loadConfigFile } from '../config/load-config-file';

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

/** Where to look, as the CLI would: every field defaults to this process's. */
export interface SetupOptions {
  /** supervisor.yaml to use, as `--config`; else $SSO_SUPERVISOR_CONFIG and the usual places. */
  config?: string;
  env?: Record<string, string | undefined>;
  cwd?: string;
  home?: string;
  platform?: NodeJS.Platform;
}

/**
 * supervisor.yaml (or the defaults), the paths it and the environment give, and the AWS config: the
 * programmatic API's equivalent of what the CLI loads. Config mistakes are returned, never thrown.
 */
export async function loadCredentialsSetup(
  options: SetupOptions = {},
): Promise<{ setup: CredentialsSetup } | { errors: string[] }> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const home = options.home ?? (env.HOME || homedir());
  const parsed = await loadConfigFile({ flag: options.config, env, cwd, home });
  if (!parsed.config) return { errors: parsed.errors.map(formatIssue) };
  const { config } = parsed;
  const paths = resolvePaths({
    env,
    home,
    cwd,
    platform: options.platform ?? process.platform,
    configured: {
      awsConfigFile: config.aws.configFile,
      cacheDir: config.aws.cacheDir,
      stateDir: config.stateDir,
    },
  });
  return { setup: await buildCredentialsSetup(config, paths) };
}
