import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Emulator } from './emulator';
import { writeCachedLogin } from './write-cached-login';

export interface SsoHomeSession {
  /** sso-session name; for a legacy session, the name of its only profile. */
  name: string;
  profiles: string[];
  /** Legacy: the start URL sits in each profile and the cache file is named by it. */
  legacy?: boolean;
  accessTokenTtlSeconds?: number;
  /** false: no cache file, as if nobody had logged in yet. */
  loggedIn?: boolean;
  withRefreshToken?: boolean;
}

export interface SsoHome {
  home: string;
  configFile: string;
  cacheDir: string;
  /** Per session name: its start URL, cache file and the login seeded into it (secrets included, for scans). */
  sessions: Record<
    string,
    { startUrl: string; cacheFile: string; login?: ReturnType<Emulator['seedLogin']> }
  >;
  /** HOME, AWS_CONFIG_FILE and the emulator's endpoint variables. */
  env: Record<string, string>;
}

const REGION = 'us-east-1';
const sha1 = (s: string) => createHash('sha1').update(s, 'utf8').digest('hex');

/**
 * Lays out a throw-away HOME as `aws configure sso` + `aws sso login` would: ~/.aws/config with the
 * sessions and profiles, and one cache file per logged-in session holding a login seeded in the emulator.
 */
export async function createSsoHome(
  emulator: Emulator,
  home: string,
  sessions: SsoHomeSession[],
): Promise<SsoHome> {
  const cacheDir = join(home, '.aws', 'sso', 'cache');
  await mkdir(cacheDir, { recursive: true, mode: 0o700 });
  const lines: string[] = [];
  const result: SsoHome['sessions'] = {};
  let account = 100000000000;
  for (const s of sessions) {
    const startUrl = `https://d-${sha1(s.name).slice(0, 10)}.awsapps.com/start`;
    if (!s.legacy)
      lines.push(
        `[sso-session ${s.name}]`,
        `sso_start_url = ${startUrl}`,
        `sso_region = ${REGION}`,
        'sso_registration_scopes = sso:account:access',
        '',
      );
    for (const profile of s.profiles) {
      lines.push(`[profile ${profile}]`);
      lines.push(
        ...(s.legacy
          ? [`sso_start_url = ${startUrl}`, `sso_region = ${REGION}`]
          : [`sso_session = ${s.name}`]),
      );
      lines.push(`sso_account_id = ${++account}`, 'sso_role_name = Developer', `region = ${REGION}`, '');
    }
    const cacheFile = join(cacheDir, `${sha1(s.legacy ? startUrl : s.name)}.json`);
    result[s.name] = { startUrl, cacheFile };
    if (s.loggedIn === false) continue;
    const login = emulator.seedLogin({
      startUrl,
      region: REGION,
      accessTokenTtlSeconds: s.accessTokenTtlSeconds,
      withRefreshToken: s.withRefreshToken,
    });
    await writeCachedLogin(cacheFile, login);
    result[s.name].login = login;
  }
  const configFile = join(home, '.aws', 'config');
  await writeFile(configFile, lines.join('\n'), { mode: 0o600 });
  return {
    home,
    configFile,
    cacheDir,
    sessions: result,
    env: { HOME: home, AWS_CONFIG_FILE: configFile, ...emulator.env() },
  };
}
