import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, readlink, symlink, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeAwsCliDataPath } from '@sso-supervisor/emulator';
import { createWorld, type World } from '@sso-supervisor/emulator/testing';
import { type CliRun, leakedSecrets, runCli } from '../testing';

const AWS = '/usr/bin/aws';
const START_URL = 'https://d-9999999999.awsapps.com/start';

// Comments, [default], an unrelated section with a sub-setting, CRLF line endings, no final newline.
const CONFIG = [
  '# team config',
  '[default]',
  'region = eu-west-1',
  '',
  '[profile dev] ; legacy',
  `sso_start_url = ${START_URL}`,
  'sso_region = us-east-1',
  'sso_account_id = 111111111111',
  'sso_role_name = Developer',
  'region = us-east-1',
  '',
  '[services s]',
  'sso-oidc =',
  '  endpoint_url = http://unused.invalid',
].join('\r\n');

/** What the migration must write: the two legacy lines become one reference; a session block is added. */
const MIGRATED_HEAD = CONFIG.replace(
  `sso_start_url = ${START_URL}\r\nsso_region = us-east-1\r\n`,
  'sso_session = d-9999999999\r\n',
);

const BROWSER_SCRIPT = `#!${process.execPath}\nfetch(process.argv[2]).then((r) => r.text());\n`;

describe('migrate command', () => {
  let world: World;
  let configFile: string;
  const runs: CliRun[] = [];
  const cli = async (args: string[], env: Record<string, string> = world.env) => {
    const run = await runCli(args, env);
    runs.push(run);
    return run;
  };
  const backups = async () =>
    (await readdir(join(world.home.home, '.aws'))).filter((f) => f.startsWith('config.bak-'));

  beforeEach(async () => {
    world = await createWorld({ prefix: 'migrate-cli-', sessions: [] });
    configFile = world.home.configFile;
    await writeFile(configFile, CONFIG, { mode: 0o600 });
  });
  afterEach(async () => {
    const outputs = runs.splice(0).flatMap((r) => [r.stdout, r.stderr]);
    expect(leakedSecrets(world.emulator.issuedSecrets(), outputs)).toEqual([]);
    await world.close();
  });

  it('doctor flags the legacy profile and points to migrate', async () => {
    const run = await cli(['doctor', '--json']);
    const check = JSON.parse(run.stdout).checks.find(
      (c: { title: string }) => c.title === 'legacy SSO profiles',
    );
    expect(check).toMatchObject({ status: 'warn', detail: expect.stringContaining('aws/aws-cli#8305') });
    expect(check.fix).toContain('sso-supervisor migrate');
  });

  it('--dry-run shows the diff and changes nothing', async () => {
    const run = await cli(['migrate', '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`-sso_start_url = ${START_URL}`);
    expect(run.stdout).toContain('+sso_session = d-9999999999');
    expect(run.stdout).toContain('dry run: nothing was written');
    expect(await readFile(configFile, 'utf8')).toBe(CONFIG);
    expect(await backups()).toEqual([]);
  });

  (existsSync(AWS) ? it : it.skip)(
    'rewrites byte for byte outside the changed lines, keeps a backup; login and the AWS CLI use the new layout',
    async () => {
      const run = await cli(['migrate']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('+sso_session = d-9999999999');
      expect(run.stdout).toContain('sso-supervisor login d-9999999999');
      const text = await readFile(configFile, 'utf8');
      expect(text.startsWith(MIGRATED_HEAD)).toBe(true);
      expect(text.slice(MIGRATED_HEAD.length)).toMatch(
        /^\r\n\r\n\[sso-session d-9999999999\]\r\nsso_start_url = https:\/\/d-9999999999\.awsapps\.com\/start\r\nsso_region = us-east-1\r\nsso_registration_scopes = sso:account:access\r?\n?$/,
      );
      const [backup] = await backups();
      expect(await readFile(join(world.home.home, '.aws', backup), 'utf8')).toBe(CONFIG);
      expect((await cli(['migrate'])).stdout).toContain('no legacy SSO profiles to migrate');

      // Log in to the new sso-session through the browser, then the AWS CLI reads the layout and the cache.
      const browser = join(world.dir, 'browser');
      await writeFile(browser, BROWSER_SCRIPT, { mode: 0o755 });
      const login = await cli(['login', 'd-9999999999'], { ...world.env, DISPLAY: ':99', BROWSER: browser });
      expect(login.code).toBe(0);
      const dataPath = join(world.dir, 'aws-data');
      await writeAwsCliDataPath(dataPath, world.emulator.url);
      const env = { PATH: process.env.PATH ?? '', ...world.env, AWS_DATA_PATH: dataPath };
      const exec = promisify(execFile);
      const out = await exec(AWS, ['configure', 'export-credentials', '--profile', 'dev'], { env });
      expect(JSON.parse(out.stdout)).toMatchObject({ AccessKeyId: expect.stringMatching(/^ASIA/) });
    },
    60_000,
  );

  it('refuses a read-only config with a clear message, changing nothing', async () => {
    await chmod(configFile, 0o400);
    const run = await cli(['migrate']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/read-only .*nothing was changed/);
    expect(await readFile(configFile, 'utf8')).toBe(CONFIG);
    expect(await backups()).toEqual([]);
  });

  it('writes through a symlinked config (a dotfiles repo): the link stays', async () => {
    const dotfiles = join(world.dir, 'dotfiles');
    await mkdir(dotfiles);
    const target = join(dotfiles, 'aws-config');
    await writeFile(target, CONFIG, { mode: 0o600 });
    await unlink(configFile);
    await symlink(target, configFile);
    expect((await cli(['migrate'])).code).toBe(0);
    expect(await readlink(configFile)).toBe(target);
    expect((await readFile(target, 'utf8')).startsWith(MIGRATED_HEAD)).toBe(true);
  });
});
