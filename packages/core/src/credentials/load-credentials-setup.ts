import { homedir } from 'node:os';
import { formatIssue } from '../config/format-issue';
import { loadConfigFile } from '../config/load-config-file';
import { resolvePaths } from '../paths/resolve-paths';
import { buildCredentialsSetup, type CredentialsSetup } from './credentials-setup';

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
