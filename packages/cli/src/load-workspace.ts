import { homedir } from 'node:os';
import {
  formatIssue,
  loadConfigFile,
  loadSessions,
  resolvePaths,
  selectSessions,
} from '@sso-supervisor/core/workspace';
import type {
  AwsConfigFinding,
  ConfigIssue,
  ParseConfigOptions,
  ResolvedPaths,
  SupervisedSession,
  SupervisorConfig,
} from '@sso-supervisor/core';
import type { CliIo } from './cli-io';

/** Everything a command needs: the config, where files are, and which sessions with which settings. */
export interface Workspace {
  config: SupervisorConfig;
  paths: ResolvedPaths;
  supervised: SupervisedSession[];
  /** Problems in the AWS config; they never stop the healthy sessions. */
  findings: AwsConfigFinding[];
  warnings: ConfigIssue[];
}

export type WorkspaceLoad = { workspace: Workspace } | { errors: string[]; warnings: string[] };

/**
 * Reads supervisor.yaml (or the defaults) and the AWS config. Config mistakes are returned, never thrown.
 * Notifier options are checked only when `notifierSchemas` is given: `status` does not load the plugins.
 */
export async function loadWorkspace(
  io: CliIo,
  flags: { config?: string },
  notifierSchemas?: ParseConfigOptions['notifierSchemas'],
): Promise<WorkspaceLoad> {
  const home = io.env.HOME || homedir();
  const parsed = await loadConfigFile({
    flag: flags.config,
    env: io.env,
    cwd: io.cwd,
    home,
    notifierSchemas,
  });
  const warnings = parsed.warnings.map(formatIssue);
  if (!parsed.config) return { errors: parsed.errors.map(formatIssue), warnings };
  const config = parsed.config;
  const paths = resolvePaths({
    env: io.env,
    home,
    platform: io.platform,
    cwd: io.cwd,
    configured: {
      awsConfigFile: config.aws.configFile,
      cacheDir: config.aws.cacheDir,
      stateDir: config.stateDir,
    },
  });
  const { sessions, findings } = await loadSessions(paths.awsConfigFile, paths.cacheDir);
  const { supervised, errors } = selectSessions(sessions, config, paths.awsConfigFile);
  if (errors.length) return { errors: errors.map(formatIssue), warnings };
  return { workspace: { config, paths, supervised, findings, warnings: parsed.warnings } };
}
