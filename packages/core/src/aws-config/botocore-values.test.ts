import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { botocoreProfileValues } from './botocore-values';

/** Every profile's sso_start_url as botocore's own config loader reads the file. */
function botocoreReads(text: string): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'botocore-values-'));
  try {
    const file = join(dir, 'config');
    writeFileSync(file, text);
    const script = [
      'import json, sys, botocore.configloader as c',
      'profiles = c.build_profile_map(c.raw_config_parse(sys.argv[1]))["profiles"]',
      'print(json.dumps({k: v["sso_start_url"] for k, v in profiles.items() if "sso_start_url" in v}))',
    ].join('\n');
    return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as Record<
      string,
      string
    >;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe(botocoreProfileValues.name, () => {
  it('reads sso_start_url exactly as botocore does: inline comments kept, full-line ones skipped', () => {
    const text = [
      '# a comment line',
      '[default]',
      'sso_start_url = https://d-0.awsapps.com/start ; semicolon',
      '[profile a]',
      'sso_start_url = https://d-1.awsapps.com/start # corp',
      '; sso_start_url = https://commented-out',
      '[profile b]   # after the header',
      '  SSO_START_URL:https://d-2.awsapps.com/start#no-space',
      '[profile c]',
      'sso_start_url = https://d-3.awsapps.com/start',
      '[sso-session s]',
      'sso_start_url = https://d-4.awsapps.com/start # not a profile',
      '[profile d]',
      'region = us-east-1',
      '',
    ].join('\n');
    const ours = botocoreProfileValues(text, 'sso_start_url');
    expect(ours).toEqual(botocoreReads(text));
    expect(ours.a).toBe('https://d-1.awsapps.com/start # corp');
  });
});
