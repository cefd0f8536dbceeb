import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fromSSO } from '@aws-sdk/credential-providers';
import { writeAwsCliDataPath, type Emulator, type SsoHome } from '@sso-supervisor/emulator';
import { createWorld, saveEnv, type World } from '@sso-supervisor/emulator/testing';
import { loadSessions } from '../aws-config/discover-sessions';
import { createOidcRefresher } from '../engine/oidc-refresher';
import { refreshSession } from '../engine/refresh-session';

const run = promisify(execFile);
const AWS = '/usr/bin/aws';

/**
 * What we write must be read by clients we did not write: the JS SDK's own SSO provider and Debian's
 * AWS CLI v2. Both must get role credentials with our token and make no CreateToken call of their own.
 */
describe('independent readers of a refreshed cache file', () => {
  let emulator: Emulator;
  let world: World;
  let dir: string;
  let home: SsoHome;
  let refreshedToken: string;
  const restoreEnv = saveEnv();

  beforeAll(async () => {
    // Five minutes left: due for us (threshold 20 min), not for the SDK (5 min) or the CLI (15 min) once refreshed.
    world = await createWorld({
      prefix: 'readers-',
      sessions: [{ name: 'corp', profiles: ['dev', 'prod'], accessTokenTtlSeconds: 300 }],
    });
    ({ emulator, dir, home } = world);
    Object.assign(process.env, home.env);
    const { sessions } = await loadSessions(home.configFile, home.cacheDir);
    const refresher = createOidcRefresher();
    const result = await refreshSession(sessions[0], refresher, { thresholdMs: 20 * 60_000 });
    refresher.destroy();
    expect(result.outcome).toBe('refreshed');
    refreshedToken = JSON.parse(await readFile(home.sessions.corp.cacheFile, 'utf8')).accessToken;
    expect(refreshedToken).not.toBe(home.sessions.corp.login!.accessToken);
  });

  beforeEach(() => emulator.resetCalls());

  afterAll(async () => {
    restoreEnv();
    await world.close();
  });

  it('the AWS SDK for JavaScript fromSSO gets role credentials without refreshing', async () => {
    const credentials = await fromSSO({ profile: 'prod', ignoreCache: true, filepath: join(dir, 'none') })();
    expect(credentials.accessKeyId).toMatch(/^ASIA/);
    expect(emulator.calls.getRoleCredentials).toBe(1);
    expect(emulator.calls.createToken.refresh_token).toBe(0);
  });

  const cli = existsSync(AWS) ? it : it.skip;
  cli('the AWS CLI v2 (configure export-credentials) gets role credentials without refreshing', async () => {
    const dataPath = join(dir, 'aws-data');
    await writeAwsCliDataPath(dataPath, emulator.url);
    const before = await readFile(home.sessions.corp.cacheFile, 'utf8');
    const { stdout } = await run(
      AWS,
      ['configure', 'export-credentials', '--profile', 'dev', '--format', 'process'],
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
    expect(await readFile(home.sessions.corp.cacheFile, 'utf8')).toBe(before);
  });
});
