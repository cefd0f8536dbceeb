import { formatCredentials } from '../credentials/format-credentials';
import type { RoleCredentials } from '../credentials/role-cache';
import { type MergeOutcome, TextLines } from './text-lines';

/** `KEY=value`, `export KEY=value` and dotenv's `KEY: value`; the value may open a quote that closes lines later. */
const ENTRY = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_.-]*)(?:\s*=|:[ \t])\s*(.*)$/;
const QUOTES = new Set(['"', "'", '`']);

interface Entry {
  /** First and last line of the entry: a quoted value may span several. */
  start: number;
  end: number;
  /** Indentation and `export `, kept when the line is rewritten. */
  prefix: string;
}

/** Where a quote opened at the start of `value` closes after `from`; -1 when it does not. */
function closing(value: string, from: number): number {
  const quote = value[0];
  for (let i = from; i < value.length; i++) {
    if (quote === '"' && value[i] === '\\') i++;
    else if (value[i] === quote) return i;
  }
  return -1;
}

/** The last line of the entry starting at line `i`: a quoted value may run on over later lines. */
function entryEnd(lines: TextLines['lines'], i: number, value: string): number {
  if (!QUOTES.has(value[0]) || closing(value, 1) >= 0) return i;
  const quoted = value[0] + lines[i].eol;
  for (let j = i + 1; j < lines.length; j++) {
    if (closing(quoted + lines[j].content, 1) >= 0) return j;
  }
  return -1;
}

/** Our variables, as `credentials --format dotenv` writes them (quoted when they need to be). */
function ourValues(credentials: RoleCredentials): Map<string, string> {
  const lines = formatCredentials(credentials, 'dotenv').trimEnd().split('\n');
  return new Map(lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

/**
 * Writes role credentials into .env text: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN and
 * AWS_CREDENTIAL_EXPIRATION are rewritten where they are, and the missing ones added after the last of
 * them (else at the end). Every other line stays byte for byte. A file that is not dotenv text, or sets one
 * of our variables twice, is refused: which of two values an app reads is not ours to decide.
 */
export function mergeDotenv(text: string | null, credentials: RoleCredentials): MergeOutcome {
  const file = TextLines.parse(text ?? '');
  const values = ourValues(credentials);
  const ours = new Map<string, Entry>();
  const { lines } = file;
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i].content.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const m = ENTRY.exec(lines[i].content);
    if (!m) return { ok: false, problem: `line ${i + 1} is not KEY=value, a comment or a blank line` };
    const [, prefix, key, value] = m;
    const end = entryEnd(lines, i, value);
    if (end < 0) return { ok: false, problem: `line ${i + 1} opens a quoted value that is never closed` };
    const seen = ours.get(key);
    if (seen) return { ok: false, problem: `${key} is set twice, on lines ${seen.start + 1} and ${i + 1}` };
    if (values.has(key)) ours.set(key, { start: i, end, prefix });
    i = end;
  }
  const missing = [...values].filter(([key]) => !ours.has(key)).map(([key, value]) => `${key}=${value}`);
  const last = Math.max(-1, ...[...ours.values()].map((e) => e.start));
  const byStart = new Map([...ours].map(([key, entry]) => [entry.start, { key, ...entry }]));
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const entry = byStart.get(i);
    if (!entry) {
      out.push(lines[i]);
      continue;
    }
    // A multi-line value becomes one line; the entry's last line break stays.
    out.push({ content: `${entry.prefix}${entry.key}=${values.get(entry.key)}`, eol: lines[entry.end].eol });
    if (i === last) out.push(...file.fresh(missing));
    i = entry.end;
  }
  if (last < 0) out.push(...file.fresh(missing));
  return { ok: true, text: file.with(out).toString() };
}
