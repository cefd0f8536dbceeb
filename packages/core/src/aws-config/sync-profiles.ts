import type { AccountRole } from './account-role';
import { parseConfigLayout } from './config-lines';
import { renderDiff, type DiffStep } from './line-diff';

export const DEFAULT_PROFILE_TEMPLATE = '{account_name}-{role_name}';

export interface ProfileSyncInput {
  /** The sso-session the generated profiles use. */
  session: string;
  accountRoles: readonly AccountRole[];
  /** Placeholders {account_name}, {account_id}, {role_name}, {session}. */
  template?: string;
  /** A `region` setting for every generated profile. */
  region?: string;
  /** The file name shown in the preview. */
  file?: string;
}

export interface ProfileSync {
  /** The new config; the input itself when nothing changed or there were errors. */
  text: string;
  changed: boolean;
  /** Profiles in the block, sorted by name. */
  profiles: { name: string; accountId: string; roleName: string }[];
  /** Generated names that clash with a profile written outside the block: left to the user, reported. */
  skipped: { profile: string; reason: string }[];
  /** Template mistakes (duplicate, invalid names; unknown placeholders). Nothing is written when present. */
  errors: string[];
  preview: string;
}

const PLACEHOLDERS = ['account_name', 'account_id', 'role_name', 'session'];
// Characters that would end or break the `[profile NAME]` header or be read as a comment.
const VALID_NAME = /^[^\s[\]#;=]+$/;

export const blockMarkers = (session: string) => ({
  begin: `# BEGIN sso-supervisor profiles for sso-session ${session} (written by \`sso-supervisor profiles sync\`; edits inside are replaced)`,
  end: `# END sso-supervisor profiles for sso-session ${session}`,
});

/** The profile name for one role; spaces in account and role names become `-` so a name stays one word. */
function render(template: string, session: string, role: AccountRole): string {
  const values: Record<string, string> = {
    account_name: role.accountName.trim().replace(/\s+/g, '-'),
    account_id: role.accountId,
    role_name: role.roleName.trim().replace(/\s+/g, '-'),
    session,
  };
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

function profileLines(name: string, input: ProfileSyncInput, role: AccountRole): string[] {
  return [
    `[profile ${name}]`,
    `sso_session = ${input.session}`,
    `sso_account_id = ${role.accountId}`,
    `sso_role_name = ${role.roleName}`,
    ...(input.region ? [`region = ${input.region}`] : []),
  ];
}

/**
 * Writes one `[profile]` per account and role into a block this tool owns, between BEGIN and END comment
 * lines naming the sso-session; the block is replaced whole on the next sync, so running twice changes
 * nothing. A profile the user wrote outside any block is never touched: a generated name that clashes
 * with one is skipped and reported. Everything outside the block keeps its bytes.
 */
export function syncProfiles(source: string, input: ProfileSyncInput): ProfileSync {
  const template = input.template ?? DEFAULT_PROFILE_TEMPLATE;
  const { text, sections } = parseConfigLayout(source);
  const { begin, end } = blockMarkers(input.session);
  const at = (marker: string) => text.lines.findIndex((l) => l.content.trim() === marker);
  const [from, to] = [at(begin), at(end)];
  const unchanged = { text: source, changed: false, preview: '' };
  if ((from === -1) !== (to === -1) || to < from) {
    return {
      ...unchanged,
      profiles: [],
      skipped: [],
      errors: [
        `the sso-supervisor block for ${input.session} is missing its ${from === -1 ? 'BEGIN' : 'END'} line; fix it by hand`,
      ],
    };
  }

  const errors: string[] = [];
  const unknown = [...template.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .filter((k) => !PLACEHOLDERS.includes(k));
  if (unknown.length)
    errors.push(
      `unknown placeholder ${unknown.map((k) => `{${k}}`).join(', ')} in the template; use ${PLACEHOLDERS.map((k) => `{${k}}`).join(', ')}`,
    );
  const byName = new Map<string, AccountRole[]>();
  for (const role of input.accountRoles) {
    const name = render(template, input.session, role);
    byName.set(name, [...(byName.get(name) ?? []), role]);
  }
  for (const [name, roles] of byName) {
    const who = roles.map((r) => `${r.accountName} (${r.accountId}) ${r.roleName}`).join(', ');
    if (!VALID_NAME.test(name) || name === 'default')
      errors.push(`the template makes an invalid profile name "${name}" for ${who}`);
    else if (roles.length > 1)
      errors.push(`the template makes the profile name "${name}" more than once: ${who}`);
  }
  if (errors.length) return { ...unchanged, profiles: [], skipped: [], errors };

  // Profiles outside our block are the user's (or another session's block): never ours to write.
  const inBlock = (line: number) => from !== -1 && line > from && line < to;
  const others = new Set(
    sections.filter((s) => s.kind === 'profile' && !inBlock(s.header)).map((s) => s.name),
  );
  const skipped: ProfileSync['skipped'] = [];
  const profiles: ProfileSync['profiles'] = [];
  const block: string[] = [begin];
  for (const [name, [role]] of [...byName].sort(([a], [b]) => a.localeCompare(b))) {
    if (others.has(name)) {
      skipped.push({
        profile: name,
        reason: 'a profile with this name exists outside the generated block; it was left as it is',
      });
      continue;
    }
    profiles.push({ name, accountId: role.accountId, roleName: role.roleName });
    block.push(...profileLines(name, input, role), '');
  }
  block.push(end);

  const steps: DiffStep[] = [];
  let lines;
  if (from === -1) {
    const last = text.lines.at(-1)?.content;
    const added = last !== undefined && last.trim() !== '' ? ['', ...block] : block;
    for (const l of text.lines) steps.push({ kind: 'keep', line: l.content });
    for (const l of added) steps.push({ kind: 'add', line: l });
    lines = [...text.lines, ...text.fresh(added)];
  } else {
    const old = text.lines.slice(from, to + 1).map((l) => l.content);
    if (old.length === block.length && old.every((l, i) => l === block[i]))
      return { ...unchanged, profiles, skipped, errors: [] };
    text.lines.slice(0, from).forEach((l) => steps.push({ kind: 'keep', line: l.content }));
    // Common head and tail stay context, so the preview shows only the profiles that come and go.
    let head = 0;
    while (head < Math.min(old.length, block.length) && old[head] === block[head]) head += 1;
    let tail = 0;
    while (tail < Math.min(old.length, block.length) - head && old.at(-1 - tail) === block.at(-1 - tail))
      tail += 1;
    old.slice(0, head).forEach((line) => steps.push({ kind: 'keep', line }));
    old.slice(head, old.length - tail).forEach((line) => steps.push({ kind: 'remove', line }));
    block.slice(head, block.length - tail).forEach((line) => steps.push({ kind: 'add', line }));
    old.slice(old.length - tail).forEach((line) => steps.push({ kind: 'keep', line }));
    text.lines.slice(to + 1).forEach((l) => steps.push({ kind: 'keep', line: l.content }));
    // The END line keeps its own line break, so a block at the end of a file without one stays that way.
    const fresh = text.fresh(block);
    fresh[fresh.length - 1] = { ...fresh[fresh.length - 1], eol: text.lines[to].eol };
    lines = [...text.lines.slice(0, from), ...fresh, ...text.lines.slice(to + 1)];
  }
  const result = text.with(lines).toString();
  return {
    text: result,
    changed: result !== source,
    profiles,
    skipped,
    errors: [],
    preview: renderDiff(steps, input.file ?? 'config'),
  };
}
