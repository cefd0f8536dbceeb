import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fromSSO } from '@aws-sdk/credential-providers';
import {
  startEmulator,
  writeAwsCliDataPath,
  writeCachedLogin,
  type Emulator,
} from '@sso-supervisor/emulator';
import { migrateLegacyProfiles } from './migrate-legacy-profiles';
import { writeConfigFile } from './write-config-file';

const AWS = '/usr/bin/aws';
const run = promisify(execFile);
const START_URL = 'https://d-9999999999.awsapps.com/start';
const sha1 = (s: string) => createHash('sha1').update(s, 'utf8').digest('hex');

const CONFIG = [
  '# team config',
  '[default]',
  'region = eu-west-1',
  '',
  '[profile dev] ; legacy',
  'sso_start_url = https://d-9999999999.awsapps.com/start',
  'sso_region = us-east-1',
  'sso_account_id = 111111111111',
  'sso_role_name = Developer',
  'region = us-east-1',
  '',
  '[services s]',
  'sso-oidc =',
  '  endpoint_url = http://unused.invalid',
  '',
].join('\r\n');

/** Debian's AWS CLI 2 reads what the migration wrote, and uses it against the emulator. */
(existsSync(AWS) ? describe : describe.skip)('migrated config read by the AWS CLI and the JS SDK', () => {
  let emulator: Emulator;
  let home: string;
  const saved = { ...process.env };
  beforeAll(async () => {
    emulator = await startEmulator();
    home = await mkdtemp(join(tmpdir(), 'migrate-'));
    await writeAwsCliDataPath(join(home, 'data'), emulator.url);
  });
  afterAll(async () => {
    process.env = { ...saved };
    await emulator.close();
    await rm(home, { recursive: true, force: true });
  });

  it('gets the sso-session, logs in from its cache file (sha1 of the name) and returns role credentials', async () => {
    const configFile = join(home, '.aws', 'config');
    await mkdir(join(home, '.aws', 'sso', 'cache'), { recursive: true });
    await writeFile(configFile, CONFIG);
    const plan = migrateLegacyProfiles(CONFIG);
    await writeConfigFile(configFile, plan.text, CONFIG);
    const session = plan.sessions[0].name;
    expect(session).toBe('d-9999999999');
    const login = emulator.seedLogin({ startUrl: START_URL, region: 'us-east-1' });
    await writeCachedLogin(join(home, '.aws', 'sso', 'cache', `${sha1(session)}.json`), login);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: home,
      AWS_CONFIG_FILE: configFile,
      AWS_DATA_PATH: join(home, 'data'),
    };
    delete env.AWS_PROFILE;
    const get = await run(AWS, ['configure', 'get', 'sso_session', '--profile', 'dev'], { env });
    expect(get.stdout.trim()).toBe(session);
    const exported = await run(
      AWS,
      ['configure', 'export-credentials', '--profile', 'dev', '--format', 'process'],
      { env },
    );
    expect(JSON.parse(exported.stdout)).toMatchObject({
      Version: 1,
      AccessKeyId: expect.stringMatching(/^ASIA/),
    });
    expect(emulator.calls.getRoleCredentials).toBe(1);

    Object.assign(process.env, { HOME: home, AWS_CONFIG_FILE: configFile, ...emulator.env() });
    const credentials = await fromSSO({ profile: 'dev' })();
    expect(credentials.accessKeyId).toMatch(/^ASIA/);
    expect((await readFile(configFile, 'utf8')).split('\r\n')[0]).toBe('# team config');
  }, 60_000);
});
