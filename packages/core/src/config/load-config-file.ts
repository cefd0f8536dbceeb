import path from 'node:path';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { expandPath } from './parse-values';
import { defaultConfig } from './supervisor-config';
import type { ParseConfigOptions } from './parse-config';
import type { ParseResult } from './config-issues';
import { secretExposureWarnings } from './config-warnings';

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

export type LoadConfigFileOptions = FindConfigFileOptions & Pick<ParseConfigOptions, 'notifierSchemas'>;

const READ_FAILURES: Record<string, string> = {
  ENOENT: 'config file not found',
  EACCES: 'cannot read the config file: permission denied',
  EISDIR: 'cannot read the config file: it is a directory',
};

function origin(opts: LoadConfigFileOptions): string {
  if (opts.flag) return ' (given by --config)';
  return opts.env.SSO_SUPERVISOR_CONFIG ? ' (given by $SSO_SUPERVISOR_CONFIG)' : '';
}

/**
 * Finds, reads and parses the supervisor config. No file anywhere means the built-in defaults;
 * a file that cannot be read is an error naming it, never an exception.
 */
export async function loadConfigFile(opts: LoadConfigFileOptions): Promise<ParseResult> {
  const file = findConfigFile(opts);
  if (file === null) return { config: defaultConfig(), warnings: [], errors: [] };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const reason = (code && READ_FAILURES[code]) ?? `cannot read the config file: ${message}`;
    return { config: null, warnings: [], errors: [{ file, path: '', message: reason + origin(opts) }] };
  }
  // The YAML parser and cron validation load only when there is a file to parse: `status` without one stays light.
  const { parseConfig } = await import('./parse-config');
  const result = parseConfig(text, {
    file,
    env: opts.env,
    home: opts.home,
    notifierSchemas: opts.notifierSchemas,
  });
  const { mode } = await stat(file);
  return { ...result, warnings: [...result.warnings, ...secretExposureWarnings(file, text, mode)] };
}
