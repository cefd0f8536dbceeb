import { getSetting, parseConfigLayout, type ConfigSection } from './config-lines';
import { renderDiff, type DiffStep } from './line-diff';

export interface MigratedSession {
  name: string;
  startUrl: string;
  region: string;
  /** false: an `[sso-session]` with this start URL and region existed and is now referenced. */
  created: boolean;
  profiles: string[];
}

export interface LegacyMigration {
  /** The new config; the input unchanged when there was nothing to migrate. */
  text: string;
  changed: boolean;
  sessions: MigratedSession[];
  /** SSO profiles left alone, and why. */
  skipped: { profile: string; reason: string }[];
  /** A unified diff of the change, for `--dry-run` and for showing before writing. */
  preview: string;
}

// Without it AWS issues no refresh token, and the migration would gain nothing (aws/aws-cli#8305).
const REGISTRATION_SCOPES = 'sso:account:access';

/** `d-1234567890` from `https://d-1234567890.awsapps.com/start`; the last path segment for other layouts. */
function baseName(startUrl: string): string {
  let label = '';
  try {
    const url = new URL(startUrl);
    label = url.hostname.split('.')[0];
    if (label === '' || label === 'start') label = url.pathname.split('/').filter(Boolean).at(-1) ?? '';
  } catch {
    label = startUrl;
  }
  const clean = label
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return clean || 'sso';
}

function unique(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n += 1) name = `${base}-${n}`;
  taken.add(name);
  return name;
}

function legacyKey(section: ConfigSection): { startUrl: string; region: string } | string {
  const startUrl = getSetting(section, 'sso_start_url');
  const region = getSetting(section, 'sso_region');
  if (getSetting(section, 'sso_session') !== undefined) {
    return startUrl !== undefined || region !== undefined
      ? 'has both sso_session and sso_start_url/sso_region; fix it by hand'
      : '';
  }
  if (startUrl === undefined && region === undefined) return '';
  if (!startUrl || !region)
    return `has ${startUrl ? 'sso_start_url without sso_region' : 'sso_region without sso_start_url'}`;
  return { startUrl, region };
}

/**
 * Rewrites legacy SSO profiles (start URL and region in the profile, so no refresh token: 8 hours, then a
 * browser) to reference an `[sso-session]`: one per distinct start URL + region, an existing one when it
 * matches, else a new one appended at the end with `sso_registration_scopes = sso:account:access`. In each
 * profile the first of its `sso_start_url` / `sso_region` lines becomes `sso_session = NAME` and the other
 * goes; every other byte (comments, `[default]`, other sections, CRLF or LF per line) stays as it was.
 */
export function migrateLegacyProfiles(source: string, file = 'config'): LegacyMigration {
  const { text, sections } = parseConfigLayout(source);
  const skipped: LegacyMigration['skipped'] = [];
  const existing = sections.filter((s) => s.kind === 'sso-session');
  const taken = new Set(existing.map((s) => s.name));
  const groups = new Map<string, MigratedSession>();
  const replace = new Map<number, string>(); // line index -> session name for its first SSO line
  const drop = new Set<number>();

  const legacy = sections.flatMap((section) => {
    if (section.kind !== 'profile') return [];
    const key = legacyKey(section);
    if (typeof key === 'string') {
      if (key) skipped.push({ profile: section.name, reason: key });
      return [];
    }
    return [{ section, ...key }];
  });
  const regionsPerBase = new Map<string, Set<string>>();
  for (const { startUrl, region } of legacy) {
    const regions = regionsPerBase.get(baseName(startUrl)) ?? new Set();
    regionsPerBase.set(baseName(startUrl), regions.add(`${startUrl}\n${region}`));
  }
  for (const { section, startUrl, region } of legacy) {
    const id = `${startUrl}\n${region}`;
    let group = groups.get(id);
    if (!group) {
      const match = existing.find(
        (s) => getSetting(s, 'sso_start_url') === startUrl && getSetting(s, 'sso_region') === region,
      );
      const base = baseName(startUrl);
      const name = match
        ? match.name
        : unique(regionsPerBase.get(base)!.size > 1 ? `${base}-${region}` : base, taken);
      group = { name, startUrl, region, created: !match, profiles: [] };
      groups.set(id, group);
    }
    group.profiles.push(section.name);
    const lines = ['sso_start_url', 'sso_region']
      .flatMap((k) => section.settings.get(k)!.map((s) => s.line))
      .sort((a, b) => a - b);
    replace.set(lines[0], group.name);
    for (const line of lines.slice(1)) drop.add(line);
  }

  const steps: DiffStep[] = [];
  const lines = text.lines.flatMap((line, index) => {
    const name = replace.get(index);
    if (drop.has(index)) {
      steps.push({ kind: 'remove', line: line.content });
      return [];
    }
    if (name === undefined) {
      steps.push({ kind: 'keep', line: line.content });
      return [line];
    }
    const content = `sso_session = ${name}`;
    steps.push({ kind: 'remove', line: line.content }, { kind: 'add', line: content });
    return [{ content, eol: line.eol }];
  });
  const blocks = [...groups.values()].filter((g) => g.created);
  const added: string[] = [];
  for (const block of blocks) {
    const previous = added.length ? added.at(-1) : lines.at(-1)?.content;
    if (previous !== undefined && previous.trim() !== '') added.push('');
    added.push(
      `[sso-session ${block.name}]`,
      `sso_start_url = ${block.startUrl}`,
      `sso_region = ${block.region}`,
      `sso_registration_scopes = ${REGISTRATION_SCOPES}`,
    );
  }
  for (const line of added) steps.push({ kind: 'add', line });
  const changed = groups.size > 0;
  const result = changed ? text.with([...lines, ...text.fresh(added)]).toString() : source;
  return { text: result, changed, sessions: [...groups.values()], skipped, preview: renderDiff(steps, file) };
}
