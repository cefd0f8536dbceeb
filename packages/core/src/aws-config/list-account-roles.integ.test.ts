import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  startEmulator,
  writeAwsCliDataPath,
  writeCachedLogin,
  type Emulator,
} from '@sso-supervisor/emulator';
import { listAccountRoles } from './list-account-roles';
import { syncProfiles } from './sync-profiles';

const AWS = '/usr/bin/aws';
const START = { startUrl: 'https://corp.awsapps.com/start', region: 'us-east-1' };
const sha1 = (s: string) => createHash('sha1').update(s, 'utf8').digest('hex');

describe(listAccountRoles.name, () => {
  let emulator: Emulator;
  const saved = { ...process.env };
  beforeAll(async () => {
    emulator = await startEmulator({ accountCount: 45, listPageSize: 7 });
    Object.assign(process.env, emulator.env());
  });
  afterAll(async () => {
    process.env = { ...saved };
    await emulator.close();
  });

  it('follows every page of accounts and roles', async () => {
    const { accessToken } = emulator.seedLogin(START);
    const roles = await listAccountRoles(accessToken, 'us-east-1');
    // Role sets of 2, 1 and 3 cycle over 45 accounts: 15 * 6.
    expect(roles).toHaveLength(90);
    expect(new Set(roles.map((r) => r.accountId)).size).toBe(45);
    expect(roles[0]).toEqual({
      accountId: '100000000001',
      accountName: 'account-001',
      roleName: 'AdministratorAccess',
    });
  });

  it('fails with the portal error for a dead token', async () => {
    await expect(listAccountRoles('aoa_dead', 'us-east-1')).rejects.toMatchObject({
      name: 'UnauthorizedException',
    });
  });

  (existsSync(AWS) ? it : it.skip)(
    'writes profiles Debian’s AWS CLI 2 can use',
    async () => {
      const home = await mkdtemp(join(tmpdir(), 'sync-'));
      const login = emulator.seedLogin(START);
      const roles = await listAccountRoles(login.accessToken, 'us-east-1');
      const config = `[sso-session corp]\nsso_start_url = ${START.startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`;
      const synced = syncProfiles(config, { session: 'corp', accountRoles: roles });
      expect(synced.errors).toEqual([]);
      await mkdir(join(home, '.aws', 'sso', 'cache'), { recursive: true });
      await writeFile(join(home, '.aws', 'config'), synced.text);
      await writeCachedLogin(join(home, '.aws', 'sso', 'cache', `${sha1('corp')}.json`), login);
      await writeAwsCliDataPath(join(home, 'data'), emulator.url);
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        HOME: home,
        AWS_CONFIG_FILE: join(home, '.aws', 'config'),
        AWS_DATA_PATH: join(home, 'data'),
      };
      delete env.AWS_PROFILE;
      const list = await promisify(execFile)(AWS, ['configure', 'list-profiles'], { env });
      expect(list.stdout.split('\n').filter(Boolean)).toHaveLength(90);
      const out = await promisify(execFile)(
        AWS,
        ['configure', 'export-credentials', '--profile', 'account-045-Billing'],
        { env },
      );
      expect(JSON.parse(out.stdout)).toMatchObject({
        Version: 1,
        AccessKeyId: expect.stringMatching(/^ASIA/),
      });
      await rm(home, { recursive: true, force: true });
    },
    60_000,
  );
});
