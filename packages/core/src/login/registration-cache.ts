import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SsoSession } from '../aws-config/discover-sessions';
import type { AwsConfigData } from '../aws-config/read-aws-config';
import type { PkceRegistration } from './pkce-registration';

/** Python's json.dumps (ensure_ascii): non-ASCII and DEL become \uXXXX, as in format-cached-token. */
function pyString(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function pyValue(value: string | readonly string[] | null): string {
  if (value === null) return 'null';
  return typeof value === 'string' ? pyString(value) : `[${value.map(pyString).join(', ')}]`;
}

function pyObject(entries: [string, string | readonly string[] | null][]): string {
  return `{${entries.map(([k, v]) => `${pyString(k)}: ${pyValue(v)}`).join(', ')}}`;
}

export interface RegistrationKeyInput {
  startUrl: string;
  region: string;
  /** The session's `sso_registration_scopes` as configured; null when the setting is absent. */
  scopes: readonly string[] | null;
  /** The sso-session name; null for a legacy profile. */
  sessionName: string | null;
}

/**
 * The file name the AWS CLI gives a client registration: SHA-1 of
 * `json.dumps({tool, startUrl, region, scopes, session_name}, sort_keys=True)` (botocore
 * `_registration_cache_key`). Writing there lets `aws sso login` reuse our registration and us reuse its.
 */
export function registrationCacheKey(input: RegistrationKeyInput): string {
  // sort_keys order: region, scopes, session_name, startUrl, tool.
  const json = pyObject([
    ['region', input.region],
    ['scopes', input.scopes],
    ['session_name', input.sessionName],
    ['startUrl', input.startUrl],
    ['tool', 'botocore'],
  ]);
  return createHash('sha1').update(json, 'utf8').digest('hex');
}

export function registrationCacheFile(cacheDir: string, input: RegistrationKeyInput): string {
  return join(cacheDir, `${registrationCacheKey(input)}.json`);
}

/** The registration file's content, keys in the order botocore writes them, one line, no newline. */
export function formatRegistrationCache(registration: PkceRegistration): string {
  return pyObject([
    ['clientId', registration.clientId],
    ['clientSecret', registration.clientSecret],
    ['expiresAt', registration.expiresAt],
    ['scopes', registration.scopes],
    ['grantTypes', registration.grantTypes],
  ]);
}

/**
 * The registration in the AWS CLI's registration file, when there is a readable one; anything else (no
 * file, garbage, missing fields) means "register anew", as botocore treats it.
 */
export async function readRegistrationCache(file: string): Promise<PkceRegistration | undefined> {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s) => typeof s === 'string') : []);
  const { clientId, clientSecret, expiresAt } = data;
  if (typeof clientId !== 'string' || typeof clientSecret !== 'string' || typeof expiresAt !== 'string')
    return undefined;
  return {
    clientId,
    clientSecret,
    expiresAt,
    scopes: strings(data.scopes),
    grantTypes: strings(data.grantTypes),
  };
}

/** Writes the registration file atomically, 0600: it holds the client secret. */
export async function writeRegistrationCache(file: string, registration: PkceRegistration): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, formatRegistrationCache(registration), { mode: 0o600, flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}

/** `sso_registration_scopes` as the config writes it, or null: the AWS CLI names its registration file by it. */
export function configuredScopes(awsConfig: AwsConfigData, session: SsoSession): string[] | null {
  const raw =
    session.name !== null ? awsConfig.ssoSessions[session.name]?.sso_registration_scopes : undefined;
  return raw === undefined
    ? null
    : raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}
