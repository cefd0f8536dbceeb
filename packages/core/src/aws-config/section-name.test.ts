import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverSessions } from './discover-sessions';
import { readAwsConfig } from './read-aws-config';
import { sectionsTheSdkDrops, shlexSplit, splitSectionName } from './section-name';

// NBSP inside a name, and a name with spaces around it: botocore keeps the first, trims the second.
const NAMES = ['café', '会社', 'x\u00a0y', 'CAFÉ', 'a&b<c>'];
const CONFIG =
  NAMES.map(
    (name, i) =>
      `[sso-session ${name}]\nsso_start_url = https://d-${i}.awsapps.com/start\nsso_region = us-east-1\n` +
      `[profile p${i}]\nsso_session = ${name}\nsso_account_id = 111111111111\nsso_role_name = Dev\n`,
  ).join('') +
  '[sso-session  Straße ]\nsso_start_url = https://d-9.awsapps.com/start\nsso_region = eu-west-1\n';

/** botocore's own reading of the file: each sso-session name and its token cache key (SSOTokenLoader). */
function botocoreCacheKeys(configFile: string): Record<string, string> {
  const script = [
    'import json, sys, botocore.session',
    'from botocore.utils import SSOTokenLoader',
    's = botocore.session.Session()',
    "s.set_config_variable('config_file', sys.argv[1])",
    'loader = SSOTokenLoader(cache={})',
    "names = s.full_config['sso_sessions']",
    "print(json.dumps({n: loader._generate_cache_key('unused', n) for n in names}))",
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, configFile], { encoding: 'utf8' }));
}

describe('unicode and other sso-session names the JS SDK loader drops', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sso-section-name-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('are the sessions botocore finds, with the cache files botocore computes', async () => {
    const file = join(dir, 'config');
    await writeFile(file, CONFIG);
    const { sessions, findings } = discoverSessions(await readAwsConfig(file), file, '/cache');
    expect(findings).toEqual([]);
    const ours = Object.fromEntries(sessions.map((s) => [s.name, s.cacheFile]));
    const theirs = botocoreCacheKeys(file);
    expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
    for (const [name, key] of Object.entries(theirs)) expect(ours[name]).toBe(`/cache/${key}.json`);
    expect(sessions.find((s) => s.name === 'café')?.profiles).toEqual(['p0']);
  });
});

describe(shlexSplit.name, () => {
  it('splits as Python shlex does: quotes group, a no-break space is no separator', () => {
    expect(shlexSplit('sso-session "my team"')).toEqual(['sso-session', 'my team']);
    expect(shlexSplit("profile 'a b'c")).toEqual(['profile', 'a bc']);
    expect(shlexSplit('sso-session x\u00a0y')).toEqual(['sso-session', 'x\u00a0y']);
    expect(shlexSplit('sso-session "open')).toBeUndefined();
  });

  it('takes a header as a section only when it is exactly two words', () => {
    expect(splitSectionName('sso-session café')).toEqual({ kind: 'sso-session', name: 'café' });
    expect(splitSectionName('sso-session a b')).toBeUndefined();
  });
});

describe(sectionsTheSdkDrops.name, () => {
  it('reads only the headers the SDK does not split, with its comment and nesting rules', () => {
    const text = '[sso-session ok]\na = 1\n[sso-session café]\nb = 2 # note\ns3 =\n  x = 1\n';
    expect(sectionsTheSdkDrops(text)).toEqual({ 'sso-session café': { b: '2' } });
  });
});

describe('a __proto__ name in a header the SDK drops', () => {
  it('sets no prototype and adds no session', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sso-section-proto-'));
    try {
      const file = join(dir, 'config');
      await writeFile(
        file,
        '[sso-session "__proto__" ]\nsso_region = x\n[profile "café" ]\n__proto__ = y\nregion = z\n',
      );
      const read = await readAwsConfig(file);
      expect(Object.getPrototypeOf(read.ssoSessions)).toBe(Object.prototype);
      expect(Object.keys(read.ssoSessions)).toEqual([]);
      expect(read.profiles['café']).toEqual({ region: 'z' });
      expect(Object.getPrototypeOf(read.profiles['café'])).toBe(Object.prototype);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
