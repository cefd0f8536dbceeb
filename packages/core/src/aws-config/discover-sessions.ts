import { type AwsConfigData, type IniSection, type AwsConfigFinding, readAwsConfig } from './read-aws-config';
import { cacheFilePath } from '../cache/cached-token';

/** One refresh unit: an sso-session, or the legacy profiles sharing one start URL. */
export interface SsoSession {
  /** Stable key: the sso-session name, or `legacy:<startUrl>`. */
  id: string;
  /** sso-session name; null for legacy profiles. */
  name: string | null;
  startUrl: string;
  region: string;
  registrationScopes: string[];
  profiles: string[];
  cacheFile: string;
  /**
   * A legacy profile whose start URL has an inline comment has two possible cache files: the AWS CLI's
   * (botocore hashes the value with its comment) and the JS SDK's (comment stripped). `cacheFile` is the
   * AWS CLI's until chooseCacheFile looks at both; `cacheFileReason` then says which it took and why.
   */
  cacheFileCandidates?: CacheFileCandidate[];
  cacheFileReason?: string;
  /** What a person runs to log in again. */
  loginCommand: string;
}

/** One place a session's token may be cached, and the tools that look there. */
export interface CacheFileCandidate {
  file: string;
  readBy: string;
}

export interface DiscoveredSessions {
  sessions: SsoSession[];
  findings: AwsConfigFinding[];
}

const DEFAULT_SCOPES = ['sso:account:access'];

function scopes(section: IniSection): string[] {
  const raw = section.sso_registration_scopes;
  return raw
    ? raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : DEFAULT_SCOPES;
}

/** A legacy profile's cache files: the AWS CLI's first (where `aws sso login` writes), then the JS SDK's. */
function cacheFileCandidates(cacheDir: string, startUrl: string, botocoreUrl: string | undefined) {
  const sdk = { file: cacheFilePath(cacheDir, { startUrl }), readBy: 'the AWS SDK for JavaScript' };
  if (botocoreUrl === undefined) return [{ ...sdk, readBy: 'every AWS tool' }];
  const cli = {
    file: cacheFilePath(cacheDir, { startUrl: botocoreUrl }),
    readBy: 'the AWS CLI and botocore',
  };
  return [cli, sdk];
}

/**
 * Keys set in both a profile and its sso-session to different values. botocore refuses such a profile
 * (`_resolve_sso_session_reference` raises InvalidConfigError), so no profile of it may reach a session.
 */
function clashingKeys(profile: IniSection, session: IniSection) {
  return Object.entries(session)
    .filter(([key, value]) => profile[key] !== undefined && profile[key] !== value)
    .map(([key, inSession]) => ({ key, inProfile: profile[key]!, inSession: inSession! }));
}

/**
 * Groups SSO profiles into refresh units: sso-session profiles by session name, legacy profiles
 * (start URL in the profile) by start URL. Non-SSO profiles are ignored.
 */
export function discoverSessions(config: AwsConfigData, file: string, cacheDir: string): DiscoveredSessions {
  const findings: AwsConfigFinding[] = [...config.findings];
  const byId = new Map<string, SsoSession>();

  for (const [name, section] of Object.entries(config.ssoSessions)) {
    const missing = ['sso_start_url', 'sso_region'].filter((k) => !section[k]);
    for (const field of missing) {
      findings.push({
        severity: 'error',
        file,
        section: `sso-session ${name}`,
        field,
        message: 'is required',
      });
    }
    if (missing.length) continue;
    byId.set(name, {
      id: name,
      name,
      startUrl: section.sso_start_url!,
      region: section.sso_region!,
      registrationScopes: scopes(section),
      profiles: [],
      cacheFile: cacheFilePath(cacheDir, { sessionName: name }),
      loginCommand: `aws sso login --sso-session ${name}`,
    });
  }

  for (const [profile, section] of Object.entries(config.profiles)) {
    const sectionName = profile === 'default' ? 'default' : `profile ${profile}`;
    if (section.sso_session) {
      const session = byId.get(section.sso_session);
      const clashes = session ? clashingKeys(section, config.ssoSessions[section.sso_session]!) : [];
      for (const { key, inProfile, inSession } of clashes) {
        findings.push({
          severity: 'error',
          file,
          section: sectionName,
          field: key,
          message:
            `The value for ${key} is inconsistent between profile (${inProfile}) and sso-session (${inSession}); ` +
            'botocore and the AWS CLI refuse this profile (InvalidConfigError): remove it from the profile',
        });
      }
      if (clashes.length) continue;
      if (session) session.profiles.push(profile);
      else if (!(section.sso_session in config.ssoSessions)) {
        findings.push({
          severity: 'error',
          file,
          section: sectionName,
          field: 'sso_session',
          message: `names sso-session "${section.sso_session}", which is not in this file`,
        });
      }
    } else if (section.sso_start_url) {
      if (!section.sso_region) {
        findings.push({
          severity: 'error',
          file,
          section: sectionName,
          field: 'sso_region',
          message: 'is required',
        });
        continue;
      }
      const id = `legacy:${section.sso_start_url}`;
      const existing = byId.get(id);
      if (existing) existing.profiles.push(profile);
      else {
        const candidates = cacheFileCandidates(
          cacheDir,
          section.sso_start_url,
          config.botocoreStartUrls?.[profile],
        );
        byId.set(id, {
          id,
          name: null,
          startUrl: section.sso_start_url,
          region: section.sso_region,
          registrationScopes: [],
          profiles: [profile],
          cacheFile: candidates[0].file,
          ...(candidates.length > 1 && { cacheFileCandidates: candidates }),
          loginCommand: `aws sso login --profile ${profile}`,
        });
      }
    }
  }
  return { sessions: [...byId.values()], findings };
}

/** Reads the AWS config and groups its SSO profiles into sessions, with findings for what is wrong. */
export async function loadSessions(awsConfigFile: string, cacheDir: string): Promise<DiscoveredSessions> {
  return discoverSessions(await readAwsConfig(awsConfigFile), awsConfigFile, cacheDir);
}
