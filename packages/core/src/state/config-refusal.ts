import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { resolvePaths } from '../paths/resolve-paths';
import { replacePrivateFile } from './private-file';
import { LAUNCHD_LABEL, SYSTEMD_UNIT_NAME } from '../service/service-spec';

export const REFUSAL_FILE_NAME = 'config-refusal.json';

/** Enough to say what to fix; the rest is one `validate` away. */
const MAX_ERRORS = 5;
const MAX_LINE = 400;

/**
 * Why `run` refused to start: the service manager does not restart on exit 2 (a config error needs a
 * person), so `status` and `doctor` must say so. Only the config's error lines, never a value from it.
 */
export interface ConfigRefusal {
  /** When run refused (ISO 8601). */
  at: string;
  /** The supervisor.yaml it read, when one was found. */
  configFile: string | null;
  /** The first errors, `FILE:LINE:COL path: message`. */
  errors: string[];
  pid: number;
}

/**
 * Where the record lives: the state dir as resolved without supervisor.yaml (its `paths.stateDir` is out
 * of reach when the file cannot be read), from the same variables `run` was started with.
 */
export function refusalDir(io: {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  cwd: string;
}): string {
  const home = io.env.HOME || homedir();
  return resolvePaths({ env: io.env, home, platform: io.platform, cwd: io.cwd }).stateDir;
}

/**
 * Written into the default state dir (the one that needs no config to be found), atomically and 0600, so
 * a broken config cannot hide where the record is.
 */
export async function writeConfigRefusal(stateDir: string, refusal: ConfigRefusal): Promise<void> {
  const clean: ConfigRefusal = {
    at: refusal.at,
    configFile: refusal.configFile,
    errors: refusal.errors
      .slice(0, MAX_ERRORS)
      .map((e) => (e.length > MAX_LINE ? `${e.slice(0, MAX_LINE)}…` : e)),
    pid: refusal.pid,
  };
  await replacePrivateFile(stateDir, REFUSAL_FILE_NAME, `${JSON.stringify(clean, null, 2)}\n`, {
    sync: false,
  });
}

/** The record, or null when there is none or it is not one (a reader must never fail on it). */
export async function readConfigRefusal(stateDir: string): Promise<ConfigRefusal | null> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(join(stateDir, REFUSAL_FILE_NAME), 'utf8'));
  } catch {
    return null;
  }
  const r = json as Partial<ConfigRefusal> | null;
  if (
    !r ||
    typeof r.at !== 'string' ||
    Number.isNaN(Date.parse(r.at)) ||
    !Array.isArray(r.errors) ||
    !r.errors.every((e) => typeof e === 'string') ||
    typeof r.pid !== 'number'
  )
    return null;
  const configFile = typeof r.configFile === 'string' ? r.configFile : null;
  return { at: r.at, configFile, errors: r.errors.slice(0, MAX_ERRORS), pid: r.pid };
}

/** A daemon that started removes the record: the config it refused is fixed. */
export async function clearConfigRefusal(stateDir: string): Promise<void> {
  await unlink(join(stateDir, REFUSAL_FILE_NAME)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

/** What a person does about it, in the words `status` and `doctor` both use. */
export function refusalFix(platform: NodeJS.Platform): string {
  const restart =
    platform === 'darwin'
      ? `\`launchctl kickstart -k gui/$(id -u)/${LAUNCHD_LABEL}\``
      : `\`systemctl --user restart ${SYSTEMD_UNIT_NAME.replace(/\.service$/, '')}\``;
  return `fix the config, check it with \`sso-supervisor validate\`, then restart the service (${restart})`;
}
