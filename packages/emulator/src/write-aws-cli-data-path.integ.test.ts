import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Emulator } from './emulator';
import { startEmulator } from './start-emulator';
import { writeSsoCacheFile } from './test-support/write-sso-cache-file';
import { writeAwsCliDataPath } from './write-aws-cli-data-path';

const AWS = '/usr/bin/aws';
const cliInstalled = existsSync(AWS);
const CONFIG = `[profile p]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = Dev
region = eu-west-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access
`;

if (!cliInstalled) {
  console.warn(
    `${AWS} is absent (apt-get install -y awscli): the AWS CLI tests of writeAwsCliDataPath are skipped`,
  );
}

(cliInstalled ? describe : describe.skip)(writeAwsCliDataPath.name, () => {
  let emulator: Emulator;
  let home: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(async () => {
    emulator = await startEmulator();
    home = await mkdtemp(join(tmpdir(), 'sso-emulator-cli-'));
    await writeAwsCliDataPath(join(home, 'data'), emulator.url);
    await writeFile(join(home, 'config'), CONFIG);
    env = {
      PATH: process.env.PATH,
      HOME: home,
      AWS_CONFIG_FILE: join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      AWS_DATA_PATH: join(home, 'data'),
    };
  });
  afterEach(async () => {
    await emulator.close();
    await rm(home, { recursive: true, force: true });
  });

  const exportCredentials = () =>
    promisify(execFile)(AWS, ['configure', 'export-credentials', '--profile', 'p'], { env, timeout: 60_000 });
  const seed = (accessTokenTtlSeconds: number) =>
    emulator.seedLogin({
      startUrl: 'https://corp.awsapps.com/start',
      region: 'eu-west-1',
      accessTokenTtlSeconds,
    });

  it('replaces the endpoint rules of both services with one rule to the emulator', async () => {
    for (const service of ['sso-oidc', 'sso']) {
      const file = join(home, 'data', service, '2019-06-10', 'endpoint-rule-set-1.json');
      const ruleSet = JSON.parse(await readFile(file, 'utf8'));
      expect(ruleSet.rules).toEqual([
        { conditions: [], endpoint: { url: emulator.url, properties: {}, headers: {} }, type: 'endpoint' },
      ]);
      expect(Object.keys(ruleSet.parameters)).toContain('Region');
    }
  });

  it('lets the AWS CLI turn a cached token into role credentials', async () => {
    await writeSsoCacheFile(home, 'corp', seed(3600));
    const { stdout } = await exportCredentials();
    const output = JSON.parse(stdout);
    expect(output).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) });
    expect(emulator.issuedSecrets()).toEqual(
      expect.arrayContaining([output.SecretAccessKey, output.SessionToken]),
    );
    expect(emulator.calls).toMatchObject({ getRoleCredentials: 1, createToken: { refresh_token: 0 } });
  });

  it('lets the AWS CLI refresh a token with under 15 minutes left, rotating the refresh token', async () => {
    const seeded = seed(300);
    const cacheFile = await writeSsoCacheFile(home, 'corp', seeded);
    await exportCredentials();
    expect(emulator.calls.createToken.refresh_token).toBe(1);
    const cached = JSON.parse(await readFile(cacheFile, 'utf8'));
    expect(cached.refreshToken).toMatch(/^aor_/);
    expect(cached.refreshToken).not.toBe(seeded.refreshToken);
    expect(cached.accessToken).not.toBe(seeded.accessToken);
  });

  it('fails in the AWS CLI when the token is expired and its refresh token revoked', async () => {
    const seeded = seed(0);
    await writeSsoCacheFile(home, 'corp', seeded);
    emulator.revokeRefreshToken(seeded.refreshToken as string);
    await expect(exportCredentials()).rejects.toMatchObject({ code: 255 });
    expect(emulator.calls).toMatchObject({ getRoleCredentials: 0, createToken: { refresh_token: 1 } });
  });
});
