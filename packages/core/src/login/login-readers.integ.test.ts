import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fromSSO } from '@aws-sdk/credential-providers';
import { writeAwsCliDataPath, type Emulator, type SsoHome } from '@sso-supervisor/emulator';
import { createWorld, saveEnv, type World } from '@sso-supervisor/emulator/testing';
import { loadSessions } from '../aws-config/discover-sessions';
import { deviceLogin } from './device-login';

const run = promisify(execFile);
const AWS = '/usr/bin/aws';

/**
 * A login must be usable at once by tools we did not write: the JS SDK's SSO provider and Debian's AWS CLI
 * v2 read the file it wrote, get role credentials, and need no refresh of their own.
 */
describe('independent readers of a cache file a login wrote', () => {
  let emulator: Emulator;
  let world: World;
  let dir: string;
  let home: SsoHome;
  const restoreEnv = saveEnv();

  beforeAll(async () => {
    world = await createWorld({
      prefix: 'login-readers-',
      sessions: [
        { name: 'corp', profiles: ['dev'], loggedIn: false },
        { name: 'old-admin', profiles: ['old-admin'], legacy: true, loggedIn: false },
      ],
    });
    ({ emulator, dir, home } = world);
    Object.assign(process.env, home.env);
    for (const session of (await loadSessions(home.configFile, home.cacheDir)).sessions) {
      const result = await deviceLogin(session, {
        onProgress: (p) => p.type === 'pending' && emulator.approveDevice(p.userCode),
      });
      expect(result.outcome).toBe('logged_in');
    }
  });

  beforeEach(() => emulator.resetCalls());

  afterAll(async () => {
    restoreEnv();
    await world.close();
  });

  it.each(['dev', 'old-admin'])(
    'the AWS SDK for JavaScript fromSSO gets role credentials for %s',
    async (profile) => {
      const credentials = await fromSSO({ profile, ignoreCache: true, filepath: join(dir, 'none') })();
      expect(credentials.accessKeyId).toMatch(/^ASIA/);
      expect(emulator.calls.getRoleCredentials).toBe(1);
      expect(emulator.calls.createToken.refresh_token).toBe(0);
    },
  );

  const cli = existsSync(AWS) ? it.each(['dev', 'old-admin']) : it.skip.each(['dev', 'old-admin']);
  cli('the AWS CLI v2 (configure export-credentials) gets role credentials for %s', async (profile) => {
    const dataPath = join(dir, 'aws-data');
    await writeAwsCliDataPath(dataPath, emulator.url);
    await rm(join(home.home, '.aws', 'cli', 'cache'), { recursive: true, force: true });
    const file = profile === 'dev' ? home.sessions.corp.cacheFile : home.sessions['old-admin'].cacheFile;
    const before = await readFile(file, 'utf8');
    const { stdout } = await run(
      AWS,
      ['configure', 'export-credentials', '--profile', profile, '--format', 'process'],
      {
        env: {
          PATH: process.env.PATH,
          HOME: home.home,
          AWS_CONFIG_FILE: home.configFile,
          AWS_DATA_PATH: dataPath,
        },
      },
    );
    expect(JSON.parse(stdout)).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) });
    expect(emulator.calls.getRoleCredentials).toBe(1);
    expect(emulator.calls.createToken.refresh_token).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});
