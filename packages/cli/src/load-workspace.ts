import { homedir } from 'node:os';
import {
  DEFAULT_RETRY,
  loadSessions,
  resolvePaths,
  type AwsConfigFinding,
  type ResolvedPaths,
  type RetrySettings,
  type SsoSession,
} from '@sso-supervisor/core';
import type { CliIo } from './cli-io';

export interface SessionSettings {
  thresholdMs: number;
  retry: RetrySettings;
}

/** Everything a one-shot command needs: where files are, which sessions, and their settings. */
export interface Workspace {
  paths: ResolvedPaths;
  sessions: SsoSession[];
  findings: AwsConfigFinding[];
  settingsFor(session: SsoSession): SessionSettings;
}

const DEFAULT_THRESHOLD_MS = 20 * 60 * 1000;

export async function loadWorkspace(io: CliIo): Promise<Workspace> {
  const home = io.env.HOME || homedir();
  const paths = resolvePaths({ env: io.env, home, platform: io.platform, cwd: io.cwd });
  const { sessions, findings } = await loadSessions(paths.awsConfigFile, paths.cacheDir);
  return {
    paths,
    sessions,
    findings,
    settingsFor: () => ({ thresholdMs: DEFAULT_THRESHOLD_MS, retry: DEFAULT_RETRY }),
  };
}
