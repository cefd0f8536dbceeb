import { readFile } from 'node:fs/promises';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { AwsConfigFinding } from './aws-config-finding';

export type IniSection = Record<string, string | undefined>;

export interface AwsConfigData {
  /** Profiles by name (`default` included), as the AWS SDK parses them. */
  profiles: Record<string, IniSection>;
  /** `[sso-session NAME]` sections by name. */
  ssoSessions: Record<string, IniSection>;
  findings: AwsConfigFinding[];
}

const SSO_SESSION_PREFIX = 'sso-session.';

/**
 * Reads the AWS config the way the JS SDK does (its own INI loader, inline-comment rules included),
 * after reading it once ourselves, because the SDK's loader turns every read error into an empty file.
 */
export async function readAwsConfig(file: string): Promise<AwsConfigData> {
  const empty: AwsConfigData = { profiles: {}, ssoSessions: {}, findings: [] };
  try {
    await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? 'no AWS config file here; run `aws configure sso` or set AWS_CONFIG_FILE'
        : code === 'EISDIR'
          ? 'is a directory, not a file'
          : `cannot be read (${code ?? String(error)})`;
    return { ...empty, findings: [{ severity: 'error', file, message }] };
  }
  let parsed: Record<string, IniSection>;
  try {
    const loaded = await loadSharedConfigFiles({ configFilepath: file, filepath: file, ignoreCache: true });
    parsed = loaded.configFile as Record<string, IniSection>;
  } catch (error) {
    return { ...empty, findings: [{ severity: 'error', file, message: (error as Error).message }] };
  }
  const profiles: Record<string, IniSection> = {};
  const ssoSessions: Record<string, IniSection> = {};
  for (const [key, section] of Object.entries(parsed)) {
    if (key.startsWith(SSO_SESSION_PREFIX)) ssoSessions[key.slice(SSO_SESSION_PREFIX.length)] = section;
    else if (!key.includes('.')) profiles[key] = section;
  }
  return { profiles, ssoSessions, findings: [] };
}
