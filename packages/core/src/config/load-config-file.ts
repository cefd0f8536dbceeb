import path from 'node:path';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { expandPath } from './parse-values';
import { defaultConfig } from './supervisor-config';
import type { ParseConfigOptions } from './parse-config';
import type { ConfigIssue, ParseResult } from './config-issues';
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

/** The user-level supervisor.yaml: $XDG_CONFIG_HOME/sso-supervisor (~/.config/sso-supervisor). */
export function userConfigFile(env: Record<string, string | undefined>, home: string): string {
  // The XDG spec says to ignore a relative XDG_CONFIG_HOME.
  const xdg = env.XDG_CONFIG_HOME;
  const configHome = xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.config');
  return path.join(configHome, 'sso-supervisor', CONFIG_FILE_NAME);
}

/**
 * Which supervisor.yaml applies, for every command alike: --config, $SSO_SUPERVISOR_CONFIG, then the
 * user-level file. Never the working folder: credential_process runs in whatever folder the calling
 * program is in, and a command must read the file the daemon reads wherever it runs (docs/contract.md).
 * A path the user named is returned even when missing, so the caller reports it instead of silently
 * running on defaults.
 */
export function findConfigFile(opts: FindConfigFileOptions): string | null {
  const exists = opts.exists ?? existsSync;
  const named = opts.flag || opts.env.SSO_SUPERVISOR_CONFIG;
  if (named) return expandPath(named, opts.home, opts.cwd);
  const user = userConfigFile(opts.env, opts.home);
  return exists(user) ? user : null;
}

/** A supervisor.yaml in the working folder that is not the one read: earlier versions read it. */
function ignoredLocalFile(opts: FindConfigFileOptions, used: string | null): ConfigIssue[] {
  const local = path.join(opts.cwd, CONFIG_FILE_NAME);
  if (local === used || !(opts.exists ?? existsSync)(local)) return [];
  const reading = used ?? 'no file (the defaults)';
  const message = `not read: the config comes from --config, $SSO_SUPERVISOR_CONFIG or ${userConfigFile(opts.env, opts.home)}; reading ${reading}. Pass --config ${local} to use it`;
  return [{ file: local, path: '', message }];
}

export type LoadConfigFileOptions = FindConfigFileOptions &
  Pick<ParseConfigOptions, 'notifierSchemas' | 'sessionsOnly'>;

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
  // credential_process and friends say nothing on success, so only the commands that read everything tell.
  const ignored = opts.sessionsOnly ? [] : ignoredLocalFile(opts, file);
  if (file === null) return { config: defaultConfig(), warnings: ignored, errors: [] };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const reason = (code && READ_FAILURES[code]) ?? `cannot read the config file: ${message}`;
    return { config: null, warnings: ignored, errors: [{ file, path: '', message: reason + origin(opts) }] };
  }
  // The YAML parser and cron validation load only when there is a file to parse: `status` without one stays light.
  const { parseConfig } = await import('./parse-config');
  const result = parseConfig(text, {
    file,
    env: opts.env,
    home: opts.home,
    notifierSchemas: opts.notifierSchemas,
    sessionsOnly: opts.sessionsOnly,
  });
  const { mode } = await stat(file);
  const exposure = secretExposureWarnings(file, text, mode);
  return { ...result, warnings: [...ignored, ...result.warnings, ...exposure] };
}
