import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeAwsCliDataPath } from '@sso-supervisor/emulator';
import { createWorld, type World } from '@sso-supervisor/emulator/testing';
import { type CliRun, leakedSecrets, runCli } from '../testing';

const AWS = '/usr/bin/aws';
const ACCOUNTS = 30; // over the emulator's page size of 20: ListAccounts pages

describe('profiles sync command', () => {
  let world: World;
  let original: string;
  const runs: CliRun[] = [];
  const cli = async (...args: string[]) => {
    const run = await runCli(args, world.env);
    runs.push(run);
    return run;
  };
  const config = () => readFile(world.home.configFile, 'utf8');
  const backups = async () =>
    (await readdir(join(world.home.home, '.aws'))).filter((f) => f.startsWith('config.bak-'));

  beforeEach(async () => {
    world = await createWorld({
      prefix: 'profiles-cli-',
      sessions: [{ name: 'corp', profiles: ['dev'], accessTokenTtlSeconds: 60 }],
      emulator: { accountCount: ACCOUNTS },
    });
    original = await config();
  });
  afterEach(async () => {
    const outputs = runs.splice(0).flatMap((r) => [r.stdout, r.stderr]);
    expect(leakedSecrets(world.emulator.issuedSecrets(), outputs)).toEqual([]);
    await world.close();
  });

  it('--dry-run shows the profiles to add and changes nothing', async () => {
    const run = await cli('profiles', 'sync', 'corp', '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('+[profile account-001-AdministratorAccess]');
    expect(run.stdout).toContain('dry run: nothing was written');
    expect(await config()).toBe(original);
  });

  (existsSync(AWS) ? it : it.skip)(
    'writes every account and role once, through a refreshed token; twice changes nothing; the AWS CLI uses them',
    async () => {
      const run = await cli('profiles', 'sync');
      expect(run).toMatchObject({ code: 0, stderr: '' });
      // The cached token had a minute left: it was refreshed through the engine first.
      expect(world.emulator.calls.createToken.refresh_token).toBe(1);
      const text = await config();
      // The user's own profiles keep their bytes; the generated block follows them.
      expect(text.startsWith(original)).toBe(true);
      const generated = text.match(/^\[profile [^\]]+\]/gm)!.filter((h) => h !== '[profile dev]');
      // Roles per account cycle 2, 1, 3 (generateAccounts): 30 accounts -> 60 roles.
      expect(generated).toHaveLength(60);
      expect(new Set(generated).size).toBe(60);
      expect(text).toContain('# BEGIN sso-supervisor profiles for sso-session corp');
      expect(await backups()).toHaveLength(1);

      const again = await cli('profiles', 'sync', 'corp');
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('up to date: 60 profile(s)');
      expect(await config()).toBe(text);
      expect(await backups()).toHaveLength(1);

      const dataPath = join(world.dir, 'aws-data');
      await writeAwsCliDataPath(dataPath, world.emulator.url);
      const env = { PATH: process.env.PATH ?? '', ...world.env, AWS_DATA_PATH: dataPath };
      const out = await promisify(execFile)(
        AWS,
        ['configure', 'export-credentials', '--profile', 'account-030-PowerUserAccess'],
        { env },
      );
      expect(JSON.parse(out.stdout)).toMatchObject({ AccessKeyId: expect.stringMatching(/^ASIA/) });
    },
    60_000,
  );

  it('refuses a template that makes duplicate or invalid names: exit 2, naming them, nothing written', async () => {
    const duplicate = await cli('profiles', 'sync', 'corp', '--template', '{role_name}');
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toMatch(/profile name "ReadOnlyAccess" more than once: account-001/);
    expect(duplicate.stderr).toContain('nothing was written');
    const invalid = await cli('profiles', 'sync', 'corp', '--template', '{account_name} {role_name}');
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('invalid profile name "account-001 AdministratorAccess"');
    const unknown = await cli('profiles', 'sync', 'corp', '--template', '{account}-{role_name}');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown placeholder {account}');
    expect(await config()).toBe(original);
    expect(await backups()).toEqual([]);
  });

  it('names the sessions when the one asked for does not exist (exit 2)', async () => {
    const run = await cli('profiles', 'sync', 'nope');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown sso-session: nope (sso-sessions in');
  });
});
