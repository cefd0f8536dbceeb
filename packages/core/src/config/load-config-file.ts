import { readFile, stat } from 'node:fs/promises';
import { defaultConfig } from './default-config';
import { findConfigFile, type FindConfigFileOptions } from './find-config-file';
import type { ParseConfigOptions } from './parse-config';
import type { ParseResult } from './parse-result';
import { secretExposureWarnings } from './secret-exposure-warnings';

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
