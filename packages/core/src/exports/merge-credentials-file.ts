import type { RoleCredentials } from '../credentials/role-cache';
import { type MergeOutcome, TextLines } from './text-lines';

const HEADER = /^\s*\[([^\]]*)\]\s*(?:[#;].*)?$/;
/** `key = value`; configparser (the AWS CLI) also takes `:`, the JS SDK only `=`. */
const OPTION = /^(\s*)([^\s=:#;[][^=:]*?)(\s*[=:]\s*)(.*)$/;

/**
 * What we write, in this order. `aws_security_token` is an older name some tools still write: botocore reads it
 * when `aws_session_token` is absent, the JS SDK never, so it is kept current and `aws_session_token` added.
 */
const KEYS = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token'] as const;
const ALIASES = new Map<string, (typeof KEYS)[number]>([['aws_security_token', 'aws_session_token']]);

type Classified =
  | { kind: 'blank' | 'continuation' }
  | { kind: 'header'; name: string }
  | { kind: 'option'; indent: string; key: string; delimiter: string }
  | { kind: 'invalid' };

function classify(content: string, afterOption: boolean): Classified {
  const trimmed = content.trim();
  if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) return { kind: 'blank' };
  const header = HEADER.exec(content);
  if (header) return { kind: 'header', name: header[1] };
  // An indented line after an option continues its value (configparser), as in nested `s3 =` settings.
  if (/^\s/.test(content) && afterOption) return { kind: 'continuation' };
  const option = OPTION.exec(content);
  if (option) return { kind: 'option', indent: option[1], key: option[2], delimiter: option[3] };
  return { kind: 'invalid' };
}

function notOurs(line: number, section: string): string {
  return (
    `line ${line}, in [${section}], is not one of ${KEYS.join(', ')}; ` +
    'the section is rewritten at each renewal, so move that line to another section'
  );
}

/**
 * Writes role credentials into the `[section]` of an AWS credentials file: our three keys rewritten in place
 * (their spelling and spacing kept), the missing ones added after the last of them, or the section appended.
 * Every other line, in that section too (comments, blank lines), stays byte for byte. A file that is not INI
 * text, or whose section holds a line we do not write, is refused rather than rewritten.
 */
export function mergeCredentialsFile(
  text: string | null,
  section: string,
  credentials: RoleCredentials,
): MergeOutcome {
  const values: Record<(typeof KEYS)[number], string> = {
    aws_access_key_id: credentials.accessKeyId,
    aws_secret_access_key: credentials.secretAccessKey,
    aws_session_token: credentials.sessionToken,
  };
  if (Object.values(values).some((v) => /[\r\n]/.test(v)))
    return { ok: false, problem: 'the role credentials hold a line break; not written' };
  const file = TextLines.parse(text ?? '');
  const { lines } = file;
  const out = [];
  const found = new Map<string, number>();
  let current: string | null = null;
  let headerAt = -1;
  let lastOurs = -1;
  let afterOption = false;
  for (const [i, line] of lines.entries()) {
    const c = classify(line.content, afterOption);
    afterOption = c.kind === 'option' || (afterOption && c.kind === 'continuation');
    if (c.kind === 'invalid')
      return { ok: false, problem: `line ${i + 1} is not a [section], key = value, comment or blank line` };
    if (c.kind === 'header') {
      if (c.name === section && headerAt >= 0)
        return { ok: false, problem: `[${section}] appears twice, on lines ${headerAt + 1} and ${i + 1}` };
      if (c.name === section) headerAt = i;
      current = c.name;
    } else if (current === null && c.kind !== 'blank') {
      return { ok: false, problem: `line ${i + 1} comes before any [section]: not an AWS credentials file` };
    }
    if (current !== section || c.kind === 'header' || c.kind === 'blank') {
      out.push(line);
      continue;
    }
    if (c.kind !== 'option' || c.indent !== '' || !c.delimiter.includes('='))
      return { ok: false, problem: notOurs(i + 1, section) };
    const key = c.key.toLowerCase();
    const ours = KEYS.find((k) => k === key) ?? ALIASES.get(key);
    if (!ours) return { ok: false, problem: notOurs(i + 1, section) };
    if (found.has(key))
      return {
        ok: false,
        problem: `${key} is set twice in [${section}], on lines ${found.get(key)! + 1} and ${i + 1}`,
      };
    found.set(key, i);
    out.push({ content: `${c.key}${c.delimiter}${values[ours]}`, eol: line.eol });
    lastOurs = i;
  }
  const missing = KEYS.filter((k) => !found.has(k));
  const added = file.fresh(missing.map((k) => `${k} = ${values[k]}`));
  if (headerAt >= 0) {
    out.splice((lastOurs >= 0 ? lastOurs : headerAt) + 1, 0, ...added);
  } else {
    // A blank line between sections, as `aws configure` leaves them.
    const separate = out.length > 0 && out[out.length - 1].content.trim() !== '';
    out.push(...file.fresh([...(separate ? [''] : []), `[${section}]`]), ...added);
  }
  return { ok: true, text: file.with(out).toString() };
}
