import { TextLines } from '../exports/text-lines';

export type SectionKind = 'profile' | 'sso-session' | 'other';

/** One `[...]` section of an AWS config: where it sits and where each of its settings is. */
export interface ConfigSection {
  kind: SectionKind;
  /** Profile name (`default` for `[default]`), sso-session name, or the raw header text. */
  name: string;
  /** Index of the header line; sections run to the next header. */
  header: number;
  /** Index after the section's last line. */
  end: number;
  /** Top-level settings by key, each with its line index and value (inline comment cut as the JS SDK does). */
  settings: Map<string, { line: number; value: string }[]>;
}

export interface ConfigLayout {
  text: TextLines;
  sections: ConfigSection[];
}

const HEADER = /^\s*\[([^\]]*)\]\s*([#;].*)?$/;
// A setting starts at column 0 in botocore's parser; indented lines continue a nested value (`s3 =`).
const SETTING = /^([^\s=#;[][^=]*?)\s*=\s*(.*)$/;

function classify(header: string): { kind: SectionKind; name: string } {
  const trimmed = header.trim();
  if (trimmed === 'default') return { kind: 'profile', name: 'default' };
  const profile = /^profile\s+(.+)$/.exec(trimmed);
  if (profile) return { kind: 'profile', name: profile[1].trim() };
  const session = /^sso-session\s+(.+)$/.exec(trimmed);
  if (session) return { kind: 'sso-session', name: session[1].trim() };
  return { kind: 'other', name: trimmed };
}

/** The JS SDK cuts `(^|\s)[;#]...` from values; botocore keeps it. We read as the SDK does. */
export function settingValue(raw: string): string {
  return raw.replace(/(^|\s)[;#].*$/, '').trim();
}

/**
 * An AWS config as sections over its own lines, which keep their bytes and line breaks, so a rewrite can
 * change a few lines and give the rest back unchanged. Lines before the first header belong to no section.
 */
export function parseConfigLayout(source: string): ConfigLayout {
  const text = TextLines.parse(source);
  const sections: ConfigSection[] = [];
  text.lines.forEach(({ content }, index) => {
    const header = HEADER.exec(content);
    if (header) {
      const last = sections.at(-1);
      if (last) last.end = index;
      sections.push({ ...classify(header[1]), header: index, end: text.lines.length, settings: new Map() });
      return;
    }
    const current = sections.at(-1);
    const setting = current && SETTING.exec(content);
    if (!current || !setting) return;
    const key = setting[1].trim().toLowerCase();
    const list = current.settings.get(key) ?? [];
    list.push({ line: index, value: settingValue(setting[2]) });
    current.settings.set(key, list);
  });
  return { text, sections };
}

/** The last value of a setting in a section, as botocore reads a key given twice. */
export function getSetting(section: ConfigSection, key: string): string | undefined {
  return section.settings.get(key)?.at(-1)?.value;
}
