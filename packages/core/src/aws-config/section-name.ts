// The JS SDK's own test for a `[kind name]` header it splits (@smithy/core config parseIni).
const SDK_SPLITS = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/;

/**
 * The sections the JS SDK's loader reads and then drops, by their whole header (`sso-session café`):
 * read with its line rules (trimmed, `#`/`;` comments after a space), nested sub-sections skipped.
 */
export function sectionsTheSdkDrops(text: string): Record<string, Record<string, string>> {
  const sections: Record<string, Record<string, string>> = {};
  let current: Record<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.split(/(^|\s)[;#]/)[0].trim();
    if (line.startsWith('[') && line.endsWith(']')) {
      const header = line.slice(1, -1);
      const dropped = /\s/.test(header) && !SDK_SPLITS.test(header);
      current = dropped ? (sections[header] ??= {}) : undefined;
      continue;
    }
    const equals = line.indexOf('=');
    if (!current || equals <= 0 || raw.trimStart() !== raw) continue;
    const value = line.slice(equals + 1).trim();
    const key = line.slice(0, equals).trim();
    if (value !== '' && key !== '__proto__') current[key] = value;
  }
  return sections;
}

/**
 * Section names the JS SDK's INI loader leaves whole: it splits `[sso-session NAME]` only when NAME is
 * `[\w-@+.%:/]+`, so `[sso-session café]` reaches us as the key `sso-session café`. botocore (the AWS CLI)
 * takes any name: configparser reads the section, then `shlex.split` must give exactly two words
 * (botocore/configloader.py `_parse_section`). We do the same, so a unicode name means the same session,
 * and the same cache file (sha1 of its UTF-8 bytes), as for `aws sso login`.
 */
export function splitSectionName(key: string): { kind: string; name: string } | undefined {
  const words = shlexSplit(key);
  return words?.length === 2 ? { kind: words[0], name: words[1] } : undefined;
}

// shlex's POSIX-mode whitespace: a no-break space is part of a word, as in Python.
const WHITESPACE = new Set([' ', '\t', '\r', '\n']);

/** Python's `shlex.split` (POSIX mode) for one line: quotes group, a backslash escapes; unbalanced: undefined. */
export function shlexSplit(text: string): string[] | undefined {
  const words: string[] = [];
  let word: string | null = null;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) word += text[++i];
      else word += c;
    } else if (WHITESPACE.has(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === "'" || c === '"') {
      quote = c;
      word ??= '';
    } else if (c === '\\') {
      if (i + 1 >= text.length) return undefined;
      word = (word ?? '') + text[++i];
    } else word = (word ?? '') + c;
  }
  if (quote !== null) return undefined;
  if (word !== null) words.push(word);
  return words;
}
