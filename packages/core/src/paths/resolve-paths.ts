import { isAbsolute, join, resolve } from 'node:path';

export interface PathInputs {
  env: Record<string, string | undefined>;
  home: string;
  platform: NodeJS.Platform;
  cwd: string;
  /** From supervisor.yaml, already `~`-expanded. */
  configured?: { awsConfigFile?: string; cacheDir?: string; stateDir?: string };
}

export interface ResolvedPaths {
  awsConfigFile: string;
  cacheDir: string;
  stateDir: string;
}

/** Where things live, in the precedence docs/contract.md gives. */
export function resolvePaths({ env, home, platform, cwd, configured = {} }: PathInputs): ResolvedPaths {
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
  const stateBase =
    platform === 'darwin'
      ? join(home, 'Library', 'Application Support')
      : env.XDG_STATE_HOME
        ? abs(env.XDG_STATE_HOME)
        : join(home, '.local', 'state');
  // `||` for variables: an empty one counts as unset, as in the AWS SDK; `??` would resolve '' to cwd.
  return {
    awsConfigFile: abs(configured.awsConfigFile ?? (env.AWS_CONFIG_FILE || join(home, '.aws', 'config'))),
    cacheDir: abs(configured.cacheDir ?? join(home, '.aws', 'sso', 'cache')),
    stateDir: abs(configured.stateDir ?? (env.SSO_SUPERVISOR_STATE_DIR || join(stateBase, 'sso-supervisor'))),
  };
}
