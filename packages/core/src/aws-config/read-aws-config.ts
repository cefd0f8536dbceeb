import { readFile } from 'node:fs/promises';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { botocoreProfileValues } from './botocore-values';
import { sectionsTheSdkDrops, splitSectionName } from './section-name';

export type IniSection = Record<string, string | undefined>;

export interface AwsConfigData {
  /** Profiles by name (`default` included), as the AWS SDK parses them. */
  profiles: Record<string, IniSection>;
  /** `[sso-session NAME]` sections by name. */
  ssoSessions: Record<string, IniSection>;
  /**
   * Each profile's `sso_start_url` as botocore and the AWS CLI read it, where that differs from the JS
   * SDK's (an inline comment): the two hash different strings for a legacy profile's cache file.
   */
  botocoreStartUrls?: Record<string, string>;
  findings: AwsConfigFinding[];
}

const SSO_SESSION_PREFIX = 'sso-session.';
const SERVICES_PREFIX = 'services.';

/**
 * Reads the AWS config the way the JS SDK does (its own INI loader, inline-comment rules included),
 * after reading it once ourselves, because the SDK's loader turns every read error into an empty file.
 */
export async function readAwsConfig(file: string): Promise<AwsConfigData> {
  const empty: AwsConfigData = { profiles: {}, ssoSessions: {}, findings: [] };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? 'no AWS config file here; run `aws configure sso` or set AWS_CONFIG_FILE'
        : code === 'EISDIR'
          ? 'is a directory, not a file'
          : `cannot be read (${code ?? String(error)})`;
    return { ...empty, findings: [{ severity: 'error', file, message, whole: true }] };
  }
  const loaded = await loadSharedConfigFiles({ configFilepath: file, filepath: file, ignoreCache: true });
  const parsed = loaded.configFile as Record<string, IniSection>;
  // The loader answers a file it cannot parse (a `[profile __proto__]` section) with an empty config;
  // a file whose every section it drops (`[sso-session café]`) is empty for it too, and fine.
  const dropped = sectionsTheSdkDrops(text);
  const refused = /^\s*\[\s*(profile\s+)?__proto__\s*\]/m.test(text) || !Object.keys(dropped).length;
  if (Object.keys(parsed).length === 0 && /^\s*\[[^\]]+\]/m.test(text) && refused) {
    const message = 'the AWS SDK cannot parse this file (is there a [profile __proto__] section?)';
    return { ...empty, findings: [{ severity: 'error', file, message, whole: true }] };
  }
  const profiles: Record<string, IniSection> = {};
  const ssoSessions: Record<string, IniSection> = {};
  for (const [header, section] of Object.entries(dropped)) {
    const split = splitSectionName(header);
    const into =
      split?.kind === 'sso-session' ? ssoSessions : split?.kind === 'profile' ? profiles : undefined;
    // `__proto__` would set the prototype, not a section (the SDK refuses that name outright).
    if (into && split!.name !== '__proto__' && !Object.hasOwn(into, split!.name)) into[split!.name] = section;
  }
  for (const [key, section] of Object.entries(parsed)) {
    if (key.startsWith(SSO_SESSION_PREFIX)) ssoSessions[key.slice(SSO_SESSION_PREFIX.length)] = section;
    // The loader drops the `profile ` prefix, so a profile name may itself contain dots (`team.admin`).
    else if (!key.startsWith(SERVICES_PREFIX)) profiles[key] = section;
  }
  const botocoreStartUrls = Object.fromEntries(
    Object.entries(botocoreProfileValues(text, 'sso_start_url')).filter(
      ([name, value]) => profiles[name] && value !== profiles[name].sso_start_url,
    ),
  );
  const differ = Object.keys(botocoreStartUrls).length > 0;
  return { profiles, ssoSessions, ...(differ && { botocoreStartUrls }), findings: [] };
}

/** A problem in the AWS config, named by file, section and field. */
export interface AwsConfigFinding {
  severity: 'error' | 'warning';
  file: string;
  /** e.g. `profile dev`, `sso-session corp`. */
  section?: string;
  field?: string;
  message: string;
  /** The file as a whole is missing, unreadable or unparseable: no session can come from it. */
  whole?: true;
}

export function formatFinding(f: AwsConfigFinding): string {
  const where = [f.section && `[${f.section}]`, f.field].filter(Boolean).join(' ');
  return `${f.file}: ${where ? `${where}: ` : ''}${f.message}`;
}
