import { homedir } from 'node:os';
import { discoverSessions, type SsoSession } from '../aws-config/discover-sessions';
import { readAwsConfig, type AwsConfigData, type AwsConfigFinding } from '../aws-config/read-aws-config';
import { chooseCacheFile } from '../cache/choose-cache-file';
import type { ConfigIssue } from '../config/config-issues';
import { loadConfigFile } from '../config/load-config-file';
import type { ParseConfigOptions } from '../config/parse-config';
import { selectSessions, type SupervisedSession } from '../config/session-settings';
import type { SessionSettings, SupervisorConfig } from '../config/supervisor-config';
import { resolvePaths, type ResolvedPaths } from '../paths/resolve-paths';

/** Where to look, as the CLI would: every field defaults to this process's. */
export interface SetupOptions {
  /** supervisor.yaml to use, as `--config`; else $SSO_SUPERVISOR_CONFIG and the usual places. */
  config?: string;
  env?: Record<string, string | undefined>;
  cwd?: string;
  home?: string;
  platform?: NodeJS.Platform;
  /**
   * Options schema per built-in notifier type: given by the daemon, whose notifiers start; without it
   * notifier options go unchecked, so `status` and `credentials` load no plugin.
   */
  notifierSchemas?: ParseConfigOptions['notifierSchemas'];
  /**
   * Read only the parts of supervisor.yaml that serving a session needs (ParseConfigOptions.sessionsOnly):
   * for credentials, token, login, status and refresh. `config.notifiers`, `exports`, `reauth` and `log`
   * are then the defaults.
   */
  sessionsOnly?: boolean;
}

/** Everything a command or the programmatic API needs: supervisor.yaml, where files are, every session. */
export interface Setup {
  config: SupervisorConfig;
  paths: ResolvedPaths;
  awsConfig: AwsConfigData;
  /** Every SSO session in the AWS config, supervised or not: any SSO profile may ask for credentials. */
  sessions: SsoSession[];
  /** The sessions the daemon watches, with their settings. */
  supervised: SupervisedSession[];
  /** Problems in the AWS config; they never stop the healthy sessions. */
  findings: AwsConfigFinding[];
  /** Warnings about supervisor.yaml. */
  warnings: ConfigIssue[];
  /**
   * Sessions supervisor.yaml lists that the AWS config lacks: the CLI stops on them (exit 2); the
   * programmatic API, which may serve any profile, only gives them no settings.
   */
  unmatched: ConfigIssue[];
  /** The session's settings from supervisor.yaml, or the defaults for a session it does not list. */
  settingsFor(session: SsoSession): SessionSettings;
}

/** `errors` only when supervisor.yaml cannot be read or is wrong; nothing else stops a load. */
export type SetupLoad = { setup: Setup } | { errors: ConfigIssue[]; warnings: ConfigIssue[] };

/** Reads the AWS config, once, for an already loaded supervisor config. No network, no AWS SDK. */
export async function buildSetup(
  config: SupervisorConfig,
  paths: ResolvedPaths,
  warnings: ConfigIssue[] = [],
): Promise<Setup> {
  const awsConfig = await readAwsConfig(paths.awsConfigFile);
  const { sessions, findings } = discoverSessions(awsConfig, paths.awsConfigFile, paths.cacheDir);
  await Promise.all(sessions.map(chooseCacheFile));
  const { supervised, errors } = selectSessions(sessions, config, paths.awsConfigFile);
  const settings = new Map(supervised.map((s) => [s.session.id, s.settings]));
  return {
    config,
    paths,
    awsConfig,
    sessions,
    supervised,
    findings,
    warnings,
    unmatched: errors,
    settingsFor: (session) => settings.get(session.id) ?? config.defaults,
  };
}

/**
 * The one loader: finds and parses supervisor.yaml (or takes the defaults), resolves the paths it and the
 * environment give, and reads the AWS config. Config mistakes are returned, never thrown.
 */
export async function loadSetup(options: SetupOptions = {}): Promise<SetupLoad> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const home = options.home ?? (env.HOME || homedir());
  const parsed = await loadConfigFile({
    flag: options.config,
    env,
    cwd,
    home,
    notifierSchemas: options.notifierSchemas,
    sessionsOnly: options.sessionsOnly,
  });
  if (!parsed.config) return { errors: parsed.errors, warnings: parsed.warnings };
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
  return { setup: await buildSetup(config, paths, parsed.warnings) };
}
