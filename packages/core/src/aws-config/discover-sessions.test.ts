import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { discoverSessions, loadSessions } from './discover-sessions';
import type { AwsConfigData } from './read-aws-config';

const file = '/home/u/.aws/config';
const cacheDir = '/home/u/.aws/sso/cache';
const corp = { sso_start_url: 'https://d-123.awsapps.com/start', sso_region: 'us-east-1' };

const data = (over: Partial<AwsConfigData>): AwsConfigData => ({
  profiles: {},
  ssoSessions: {},
  findings: [],
  ...over,
});

describe(discoverSessions.name, () => {
  it('groups the profiles of one sso-session into one session keyed by its name', () => {
    const config = data({
      ssoSessions: { corp },
      profiles: {
        dev: { sso_session: 'corp', sso_account_id: '1', sso_role_name: 'Dev' },
        prod: { sso_session: 'corp', sso_account_id: '2', sso_role_name: 'Admin' },
        plain: { region: 'eu-west-1' },
      },
    });
    expect(discoverSessions(config, file, cacheDir)).toEqual({
      findings: [],
      sessions: [
        {
          id: 'corp',
          name: 'corp',
          startUrl: 'https://d-123.awsapps.com/start',
          region: 'us-east-1',
          registrationScopes: ['sso:account:access'],
          profiles: ['dev', 'prod'],
          // printf %s corp | sha1sum
          cacheFile: join(cacheDir, 'ee0bfd2552fbd840c02cc48b6e823320543c450f.json'),
          loginCommand: 'aws sso login --sso-session corp',
        },
      ],
    });
  });

  it('keeps an sso-session that no profile uses', () => {
    const { sessions } = discoverSessions(data({ ssoSessions: { corp } }), file, cacheDir);
    expect(sessions.map((s) => [s.id, s.profiles])).toEqual([['corp', []]]);
  });

  it('groups legacy profiles by exact start URL, hashing the URL for the cache file', () => {
    const legacy = { sso_region: 'us-east-1', sso_account_id: '1', sso_role_name: 'R' };
    const config = data({
      profiles: {
        default: { ...legacy, sso_start_url: 'https://d-123.awsapps.com/start' },
        old: { ...legacy, sso_start_url: 'https://d-123.awsapps.com/start' },
        slash: { ...legacy, sso_start_url: 'https://d-123.awsapps.com/start/' },
      },
    });
    expect(discoverSessions(config, file, cacheDir)).toEqual({
      findings: [],
      sessions: [
        {
          id: 'legacy:https://d-123.awsapps.com/start',
          name: null,
          startUrl: 'https://d-123.awsapps.com/start',
          region: 'us-east-1',
          registrationScopes: [],
          profiles: ['default', 'old'],
          cacheFile: join(cacheDir, '2b829a45f04c9828cb45b7d092d8e4aa30818393.json'),
          loginCommand: 'aws sso login --profile default',
        },
        {
          id: 'legacy:https://d-123.awsapps.com/start/',
          name: null,
          startUrl: 'https://d-123.awsapps.com/start/',
          region: 'us-east-1',
          registrationScopes: [],
          profiles: ['slash'],
          cacheFile: join(cacheDir, '270fcba1ccf36d2fc119c66fd3e85add0d85d6c7.json'),
          loginCommand: 'aws sso login --profile slash',
        },
      ],
    });
  });

  it("takes a profile that repeats its sso-session's values", () => {
    const config = data({ ssoSessions: { corp }, profiles: { both: { sso_session: 'corp', ...corp } } });
    expect(discoverSessions(config, file, cacheDir).sessions.map((s) => [s.id, s.profiles])).toEqual([
      ['corp', ['both']],
    ]);
  });

  it("refuses a profile whose sso_region differs from its sso-session's, as botocore does; the rest work", () => {
    const config = data({
      ssoSessions: { corp },
      profiles: {
        moved: { sso_session: 'corp', sso_region: 'eu-west-1', sso_account_id: '1', sso_role_name: 'R' },
        dev: { sso_session: 'corp', sso_account_id: '1', sso_role_name: 'R' },
      },
    });
    const { sessions, findings } = discoverSessions(config, file, cacheDir);
    expect(sessions.map((s) => [s.id, s.profiles])).toEqual([['corp', ['dev']]]);
    expect(findings).toEqual([
      {
        severity: 'error',
        file,
        section: 'profile moved',
        field: 'sso_region',
        message:
          'The value for sso_region is inconsistent between profile (eu-west-1) and sso-session (us-east-1); ' +
          'botocore and the AWS CLI refuse this profile (InvalidConfigError): remove it from the profile',
      },
    ]);
  });

  it('reports a profile that names an sso-session the file does not have', () => {
    const config = data({ profiles: { default: { sso_session: 'gone' }, dev: { sso_session: 'gone' } } });
    expect(discoverSessions(config, file, cacheDir)).toEqual({
      sessions: [],
      findings: [
        {
          severity: 'error',
          file,
          section: 'default',
          field: 'sso_session',
          message: 'names sso-session "gone", which is not in this file',
        },
        {
          severity: 'error',
          file,
          section: 'profile dev',
          field: 'sso_session',
          message: 'names sso-session "gone", which is not in this file',
        },
      ],
    });
  });

  it('reports each missing field of an sso-session once, not again for its profiles', () => {
    const config = data({ ssoSessions: { corp: {} }, profiles: { dev: { sso_session: 'corp' } } });
    expect(discoverSessions(config, file, cacheDir)).toEqual({
      sessions: [],
      findings: [
        {
          severity: 'error',
          file,
          section: 'sso-session corp',
          field: 'sso_start_url',
          message: 'is required',
        },
        { severity: 'error', file, section: 'sso-session corp', field: 'sso_region', message: 'is required' },
      ],
    });
  });

  it('reports a legacy profile without sso_region', () => {
    const config = data({ profiles: { old: { sso_start_url: 'https://d-123.awsapps.com/start' } } });
    expect(discoverSessions(config, file, cacheDir)).toEqual({
      sessions: [],
      findings: [
        { severity: 'error', file, section: 'profile old', field: 'sso_region', message: 'is required' },
      ],
    });
  });

  it('keeps the findings of the read', () => {
    const earlier = { severity: 'error' as const, file, message: 'is a directory, not a file' };
    expect(discoverSessions(data({ findings: [earlier] }), file, cacheDir).findings).toEqual([earlier]);
  });

  it.each([
    [undefined, ['sso:account:access']],
    ['', ['sso:account:access']],
    ['sso:account:access', ['sso:account:access']],
    [
      ' sso:account:access , codewhisperer:completions,,',
      ['sso:account:access', 'codewhisperer:completions'],
    ],
  ])('parses sso_registration_scopes %j', (raw, expected) => {
    const config = data({ ssoSessions: { corp: { ...corp, sso_registration_scopes: raw } } });
    expect(discoverSessions(config, file, cacheDir).sessions[0].registrationScopes).toEqual(expected);
  });
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sso-load-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe(loadSessions.name, () => {
  it('reads a config file into sessions, findings naming that file', async () => {
    const file = join(dir, 'config');
    await writeFile(
      file,
      [
        '[profile dev]',
        'sso_session = corp # inline comment',
        '[profile stray]',
        'sso_session = nowhere',
        '[sso-session corp]',
        'sso_start_url = https://d-123.awsapps.com/start',
        'sso_region = us-east-1',
      ].join('\n'),
    );
    const { sessions, findings } = await loadSessions(file, join(dir, 'cache'));
    expect(sessions.map((s) => [s.id, s.profiles, s.cacheFile])).toEqual([
      ['corp', ['dev'], join(dir, 'cache', 'ee0bfd2552fbd840c02cc48b6e823320543c450f.json')],
    ]);
    expect(findings).toEqual([
      {
        severity: 'error',
        file,
        section: 'profile stray',
        field: 'sso_session',
        message: 'names sso-session "nowhere", which is not in this file',
      },
    ]);
  });

  it("refuses the profile botocore refuses, with botocore's wording, and keeps its neighbour", async () => {
    const file = join(dir, 'config');
    const text = [
      '[profile moved]',
      'sso_session = corp',
      'sso_region = eu-west-1',
      'sso_account_id = 111111111111',
      'sso_role_name = R',
      '[profile dev]',
      'sso_session = corp',
      'sso_account_id = 111111111111',
      'sso_role_name = R',
      '[sso-session corp]',
      'sso_start_url = https://d-123.awsapps.com/start',
      'sso_region = us-east-1',
    ].join('\n');
    await writeFile(file, text);
    // botocore 1.43 itself, loading each profile's SSO credential provider (no network: it fails or is built).
    const script = [
      'import sys, botocore.session',
      'for name in ("moved", "dev"):',
      '    try:',
      '        botocore.session.Session(profile=name).get_component("credential_provider").get_provider("sso").load()',
      '        print(name, "ok")',
      '    except Exception as e:',
      '        print(name, type(e).__name__, e)',
    ].join('\n');
    const botocore = execFileSync('python3', ['-c', script], {
      encoding: 'utf8',
      env: { ...process.env, AWS_CONFIG_FILE: file, HOME: dir },
    });
    const { sessions, findings } = await loadSessions(file, join(dir, 'cache'));
    expect(botocore).toContain('moved InvalidConfigError The value for sso_region is inconsistent');
    expect(botocore).toContain('dev ok');
    expect(sessions.map((s) => s.profiles)).toEqual([['dev']]);
    const refusal = /moved InvalidConfigError (.*)\.$/m.exec(botocore)![1];
    expect(findings.map((f) => [f.section, f.field, f.message.split(';')[0]])).toEqual([
      ['profile moved', 'sso_region', refusal],
    ]);
  });
});
