import { existsSync } from 'node:fs';
import path from 'node:path';
import { expandPath } from './expand-path';

export interface FindConfigFileOptions {
  /** The --config flag. */
  flag?: string;
  env: Record<string, string | undefined>;
  cwd: string;
  home: string;
  exists?: (file: string) => boolean;
}

const CONFIG_FILE_NAME = 'supervisor.yaml';

/**
 * Which supervisor.yaml applies: --config, $SSO_SUPERVISOR_CONFIG, ./supervisor.yaml, then
 * $XDG_CONFIG_HOME/sso-supervisor (~/.config/sso-supervisor). A path the user named is returned
 * even when missing, so the caller reports it instead of silently running on defaults.
 */
export function findConfigFile(opts: FindConfigFileOptions): string | null {
  const exists = opts.exists ?? existsSync;
  const named = opts.flag || opts.env.SSO_SUPERVISOR_CONFIG;
  if (named) return expandPath(named, opts.home, opts.cwd);
  const local = path.join(opts.cwd, CONFIG_FILE_NAME);
  if (exists(local)) return local;
  // The XDG spec says to ignore a relative XDG_CONFIG_HOME.
  const xdg = opts.env.XDG_CONFIG_HOME;
  const configHome = xdg && path.isAbsolute(xdg) ? xdg : path.join(opts.home, '.config');
  const user = path.join(configHome, 'sso-supervisor', CONFIG_FILE_NAME);
  return exists(user) ? user : null;
}
