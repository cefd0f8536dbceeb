/**
 * The values of one key in every profile, as botocore reads the AWS config: Python's RawConfigParser,
 * which takes `#` and `;` as comments only at the start of a line. So `sso_start_url = https://x/start # corp`
 * is the whole `https://x/start # corp` to botocore and the AWS CLI, and `https://x/start` to the JS SDK,
 * whose loader strips `(^|\s)[;#]…` (docs/aws-facts.md "Config file"). Keyed by profile name as the
 * JS SDK keys them (`default`, or the name after `profile `).
 */
export function botocoreProfileValues(text: string, key: string): Record<string, string> {
  const values: Record<string, string> = {};
  let profile: string | undefined;
  let current: { indent: number; key: string } | undefined;
  for (const line of text.split(/\r?\n/)) {
    const stripped = line.trim();
    const indent = line.length - line.trimStart().length;
    if (stripped === '' || stripped.startsWith('#') || stripped.startsWith(';')) continue;
    // An indented line continues the value above it (configparser's multi-line values).
    if (current && indent > current.indent) {
      if (profile !== undefined && current.key === key) values[profile] += `\n${stripped}`;
      continue;
    }
    current = undefined;
    const header = /^\[(.+)\]/.exec(stripped);
    if (header) {
      const name = header[1].trim();
      profile = name === 'default' ? name : /^profile\s+(.+)$/.exec(name)?.[1].trim();
      continue;
    }
    // configparser's OPTCRE: the first `=` or `:` ends the key, which it lower-cases.
    const option = /^(.*?)\s*[=:]\s*(.*)$/.exec(stripped);
    if (!option) continue;
    current = { indent, key: option[1].toLowerCase() };
    if (profile !== undefined && current.key === key) values[profile] = option[2];
  }
  return values;
}
