import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { fromIni } from '@aws-sdk/credential-providers';
import type { Emulator, SsoHome } from '@sso-supervisor/emulator';
import { createWorld, type World } from '@sso-supervisor/emulator/testing';
import { DaemonProcess, leakedSecrets } from './testing';

const ENV_LOCAL = [
  '# local settings, not committed',
  'DATABASE_URL="postgres://localhost:5432/app?sslmode=disable"',
  'AWS_REGION=us-east-1',
  'AWS_ACCESS_KEY_ID=AKIASTALEFROMLASTWEEK',
  'MULTILINE="first',
  'second"',
  'export FEATURE_FLAGS=a,b',
  'PORT=3000',
].join('\n'); // no final newline, as editors sometimes leave it

const CREDENTIALS = [
  '[default]',
  'aws_access_key_id = AKIALONGTERMEXAMPLE1',
  'aws_secret_access_key = long-term-key-kept-as-it-is',
  '',
  '; exported by sso-supervisor',
  '[dev-tools]',
  'aws_access_key_id = stale',
  'aws_secret_access_key = stale',
  'aws_session_token = stale',
  '',
  '[other]',
  'region = eu-west-1',
  '',
].join('\r\n');

const exportsConfig = (...entries: string[]) => `version: 1
exports:
${entries.join('')}log:
  level: debug
`;
const DOTENV = `  - profile: dev-app
    path: project/.env.local
    format: dotenv
    renewBefore: 15s
`;
const INI = `  - profile: dev-tools
    path: ~/.aws/credentials
    format: credentials
    renewBefore: 15s
`;

/** `exports:` end to end: the daemon as a process, role credentials that live 20 seconds. */
describe('sso-supervisor run with exports', () => {
  let emulator: Emulator;
  let world: World;
  let dir: string;
  let home: SsoHome;
  let env: Record<string, string>;
  let configFile: string;
  let envLocal: string;
  let credentials: string;
  const daemons: DaemonProcess[] = [];
  const start = () => {
    const d = new DaemonProcess({ env });
    daemons.push(d);
    return d;
  };
  const exported = (d: DaemonProcess, file: string) =>
    d.entries.filter((e) => e.message === 'credentials exported' && e.file === file);

  beforeEach(async () => {
    world = await createWorld({
      prefix: 'exports-',
      emulator: { roleCredentialTtlSeconds: 20 },
      sessions: [{ name: 'dev', profiles: ['dev-app', 'dev-tools'] }],
    });
    ({ emulator, dir, home } = world);
    await mkdir(join(dir, 'project'));
    envLocal = join(dir, 'project', '.env.local');
    credentials = join(home.home, '.aws', 'credentials');
    await writeFile(envLocal, ENV_LOCAL);
    await writeFile(credentials, CREDENTIALS);
    configFile = join(dir, 'supervisor.yaml');
    env = { ...home.env, SSO_SUPERVISOR_CONFIG: configFile, SSO_SUPERVISOR_STATE_DIR: join(dir, 'state') };
  });

  afterEach(async () => {
    const outputs = [];
    for (const d of daemons.splice(0)) {
      await d.stop();
      outputs.push(d.stdout, d.stderr);
    }
    for (const f of await readdir(join(dir, 'state'), { withFileTypes: true }))
      if (f.isFile()) outputs.push(await readFile(join(dir, 'state', f.name), 'utf8'));
    // Every secret the emulator issued: SSO tokens, refresh tokens, client secrets and role keys alike.
    expect(leakedSecrets(emulator.issuedSecrets(), outputs)).toEqual([]);
    await world.close();
  });

  it('renews both files before the credentials expire, keeping every other line byte for byte', async () => {
    await writeFile(configFile, exportsConfig(DOTENV, INI));
    const d = start();
    await d.waitFor(() => exported(d, envLocal).length >= 3 && exported(d, credentials).length >= 3, 40_000);
    await d.stop();

    const env = await readFile(envLocal, 'utf8');
    const vars = parseEnv(env);
    expect(env).toBe(
      ENV_LOCAL.replace(
        'AWS_ACCESS_KEY_ID=AKIASTALEFROMLASTWEEK',
        [
          `AWS_ACCESS_KEY_ID=${vars.AWS_ACCESS_KEY_ID}`,
          `AWS_SECRET_ACCESS_KEY=${vars.AWS_SECRET_ACCESS_KEY}`,
          `AWS_SESSION_TOKEN=${vars.AWS_SESSION_TOKEN}`,
          `AWS_CREDENTIAL_EXPIRATION=${vars.AWS_CREDENTIAL_EXPIRATION}`,
        ].join('\n'),
      ),
    );
    expect(vars).toMatchObject({ PORT: '3000', MULTILINE: 'first\nsecond', AWS_REGION: 'us-east-1' });
    expect(emulator.issuedSecrets()).toEqual(
      expect.arrayContaining([vars.AWS_SECRET_ACCESS_KEY, vars.AWS_SESSION_TOKEN]),
    );
    // Each write carried new credentials, renewed 15s before they expire, and the file holds the last ones.
    for (const e of exported(d, envLocal))
      expect(Date.parse(e.expiresAt as string) - Date.parse(e.nextRenewal as string)).toBe(15_000);
    const envWrites = exported(d, envLocal).map((e) => e.expiresAt);
    expect(new Set(envWrites).size).toBe(envWrites.length);
    expect(vars.AWS_CREDENTIAL_EXPIRATION).toBe(envWrites[envWrites.length - 1]);

    const ini = await readFile(credentials, 'utf8');
    const tools = await fromIni({
      profile: 'dev-tools',
      filepath: credentials,
      configFilepath: join(dir, 'none'),
    })();
    expect(ini).toBe(
      CREDENTIALS.replace('aws_access_key_id = stale', `aws_access_key_id = ${tools.accessKeyId}`)
        .replace('aws_secret_access_key = stale', `aws_secret_access_key = ${tools.secretAccessKey}`)
        .replace('aws_session_token = stale', `aws_session_token = ${tools.sessionToken}`),
    );
    expect(emulator.issuedSecrets()).toEqual(
      expect.arrayContaining([tools.secretAccessKey, tools.sessionToken]),
    );
    expect(emulator.calls.getRoleCredentials).toBeGreaterThanOrEqual(6);

    for (const file of [envLocal, credentials]) expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, 'project'))).toEqual(['.env.local']);
    expect((await readdir(join(home.home, '.aws'))).sort()).toEqual(['config', 'credentials', 'sso']);
    expect(d.events('token.refresh_failed')).toEqual([]);
  });

  it('reports a file that changed format and leaves it alone; a reload adds an export', async () => {
    const broken = `${ENV_LOCAL}\nthis line is not dotenv\n`;
    await writeFile(envLocal, broken);
    await writeFile(configFile, exportsConfig(DOTENV));
    const d = start();
    await d.waitFor(() => d.events('token.refresh_failed').length === 1);
    expect(d.events('token.refresh_failed')[0]).toMatchObject({
      level: 'error',
      session: 'dev',
      profiles: ['dev-app'],
      error: `${envLocal}: line 9 is not KEY=value, a comment or a blank line`,
    });

    await writeFile(configFile, exportsConfig(DOTENV, INI));
    await d.waitFor(() => exported(d, credentials).length === 1);
    expect(d.events('config.reloaded')).toHaveLength(1);
    // Planned again, the broken export is the same job: no second report, and the file is as it was.
    expect(d.events('token.refresh_failed')).toHaveLength(1);
    expect(await readFile(envLocal, 'utf8')).toBe(broken);
    expect(await readFile(credentials, 'utf8')).toMatch(
      /^\[default\]\r\naws_access_key_id = AKIALONGTERMEXAMPLE1\r\n/,
    );
  });
});
