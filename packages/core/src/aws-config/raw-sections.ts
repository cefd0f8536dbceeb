import type { ConfigIssue } from '../config/config-issues';

/** A `[sso-session NAME]` or `[profile NAME]` header as written in the AWS config text. */
export interface RawSection {
  kind: 'sso-session' | 'profile';
  name: string;
  line: number;
  col: number;
}

const HEADER = /^(\s*)\[\s*(sso-session|profile)\s+(.*?)\s*\]/;

// The JS SDK's INI loader (@smithy/core config, prefixKeyRegex) keeps a section only when its name matches
// this; anything else (`a&b`, `<team>`, `équipe`) vanishes without a word, while the AWS CLI reads it.
const SDK_NAME = /^[\w\-@+.%:/]+$/;

/** Every prefixed section header in the file, with where it is. */
export function rawSections(text: string): RawSection[] {
  return text.split(/\r?\n/).flatMap((line, i) => {
    const m = HEADER.exec(line);
    if (!m) return [];
    const name = m[3].replace(/^(["'])(.*)\1$/, '$2');
    return [{ kind: m[2] as RawSection['kind'], name, line: i + 1, col: m[1].length + 1 }];
  });
}

/** Sections the AWS SDK's parser silently drops, each a warning at its header. */
export function droppedSections(file: string, sections: RawSection[]): ConfigIssue[] {
  return sections
    .filter((s) => !SDK_NAME.test(s.name))
    .map((s) => ({
      file,
      line: s.line,
      col: s.col,
      path: `[${s.kind} ${s.name}]`,
      message:
        `the AWS SDK for JavaScript's config parser drops a ${s.kind} whose name holds characters other than ` +
        `letters, digits and - _ @ + . % : /, so JavaScript apps do not see it (sso-supervisor and the AWS CLI ` +
        `read it); rename it`,
    }));
}
