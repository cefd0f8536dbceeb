import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fromProcess } from '@aws-sdk/credential-providers';
import type { Emulator, SsoHome } from '@sso-supervisor/emulator';
import { createWorld, saveEnv, type World } from '@sso-supervisor/emulator/testing';
import { type CliRun, CLI_BIN, runCli } from '../testing';

const run = promisify(execFile);
const AWS = '/usr/bin/aws';

interface ProcessCredentials {
  Version: number;
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: string;
}

/** `credentials` as credential_process runs it: the built program in its own process, the emulator behind it. */
describe('credentials command', () => {
  let emulator: Emulator;
  let world: World;
  let dir: string;
  let home: SsoHome;
  let env: Record<string, string>;
  let stateDir: string;
  const runs: CliRun[] = [];
  /** Role secrets handed to a client directly, not through a run's stdout. */
  const roleSecretsSeen: string[] = [];
  const cli = async (args: string[], nodeArgs: string[] = []) => {
    const r = await runCli(args, env, { nodeArgs });
    runs.push(r);
    return r;
  };
  const roleFiles = async () =>
    (await readdir(join(stateDir, 'role-credentials')).catch(() => [] as string[])).map((f) =>
      join(stateDir, 'role-credentials', f),
    );

  beforeAll(async () => {
    world = await createWorld({
      prefix: 'credentials-cli-',
      sessions: [
        { name: 'corp', profiles: ['dev', 'prod', 'ops'], accessTokenTtlSeconds: 300 },
        { name: 'nobody', profiles: ['sandbox'], loggedIn: false },
      ],
    });
    ({ emulator, dir, home } = world);
    stateDir = join(dir, 'state');
    env = { ...home.env, SSO_SUPERVISOR_STATE_DIR: stateDir };
  });

  afterAll(async () => {
    await world.close();
  });

  it('prints credential_process JSON and nothing else, refreshing the due SSO token first', async () => {
    const r = await cli(['credentials', '--profile', 'dev']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const parsed: ProcessCredentials = JSON.parse(r.stdout);
    expect(parsed).toStrictEqual({
      Version: 1,
      AccessKeyId: expect.stringMatching(/^ASIA/),
      SecretAccessKey: expect.any(String),
      SessionToken: expect.any(String),
      Expiration: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(emulator.calls.createToken.refresh_token).toBe(1);
    expect(emulator.calls.getRoleCredentials).toBe(1);
  });

  it('a cache hit returns the same credentials without loading the AWS SDK', async () => {
    const first = JSON.parse((await cli(['credentials', '--profile', 'dev'])).stdout);
    const record = join(dir, 'loaded.txt');
    const hook = join(dir, 'hook.js');
    await writeFile(
      hook,
      `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(record)}, Object.keys(require.cache).join('\\n')));`,
    );
    const calls = emulator.calls.getRoleCredentials;
    const r = await cli(['credentials', '--profile', 'dev'], ['--require', hook]);
    expect(JSON.parse(r.stdout)).toStrictEqual(first);
    expect(emulator.calls.getRoleCredentials).toBe(calls);
    const loaded = await readFile(record, 'utf8');
    expect(loaded).toContain('credentials-command');
    expect(loaded).not.toMatch(/@aws-sdk/);
  });

  it('a cache miss does load the AWS SDK (so the check above can fail)', async () => {
    const record = join(dir, 'loaded-miss.txt');
    const hook = join(dir, 'hook-miss.js');
    await writeFile(
      hook,
      `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(record)}, Object.keys(require.cache).join('\\n')));`,
    );
    await cli(['credentials', '--profile', 'ops'], ['--require', hook]);
    expect(await readFile(record, 'utf8')).toMatch(/@aws-sdk\/client-sso/);
  });

  it.each([
    [
      'env',
      /^export AWS_ACCESS_KEY_ID=ASIA\w+\nexport AWS_SECRET_ACCESS_KEY=\S+\nexport AWS_SESSION_TOKEN=\S+\nexport AWS_CREDENTIAL_EXPIRATION=\S+\n$/,
    ],
    [
      'dotenv',
      /^AWS_ACCESS_KEY_ID=ASIA\w+\nAWS_SECRET_ACCESS_KEY=\S+\nAWS_SESSION_TOKEN=\S+\nAWS_CREDENTIAL_EXPIRATION=\S+\n$/,
    ],
  ])('--format %s', async (format, shape) => {
    const r = await cli(['credentials', '--profile', 'dev', '--format', format]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(shape);
  });

  it('takes $AWS_PROFILE when --profile is not given, and says how to name one when neither is', async () => {
    const r = await runCli(['credentials', '--format', 'json'], { ...env, AWS_PROFILE: 'dev' });
    runs.push(r);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toMatchObject({ accessKeyId: expect.stringMatching(/^ASIA/) });
    const none = await cli(['credentials']);
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toBe('error: no profile given: pass --profile PROFILE or set AWS_PROFILE\n');
    const typo = await cli(['credentials', '--profile', 'dv']);
    expect(typo.stderr).toBe(`error: profile "dv" is not in ${home.configFile} (did you mean "dev"?)\n`);
  });

  it('--format json gives the SDK shape', async () => {
    const r = await cli(['credentials', '--profile', 'dev', '--format', 'json']);
    expect(Object.keys(JSON.parse(r.stdout))).toStrictEqual([
      'accessKeyId',
      'secretAccessKey',
      'sessionToken',
      'expiration',
    ]);
  });

  it.each([
    [['credentials', '--profile', 'missing'], 2, /profile "missing" is not in .*config/],
    [['credentials'], 2, /no profile given: pass --profile PROFILE or set AWS_PROFILE/],
    [
      ['credentials', '--profile', 'dev', '--format', 'yaml'],
      2,
      /Allowed choices are process, env, dotenv, json/,
    ],
    [['credentials', '--profile', 'sandbox'], 1, /run aws sso login --sso-session nobody/],
  ])('%j exits %d with the reason on stderr and nothing on stdout', async (args, code, message) => {
    const r = await cli(args);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('names account and role, exit 1, when the portal refuses them', async () => {
    const config = await readFile(home.configFile, 'utf8');
    const account = /\[profile ops\][^[]*sso_account_id = (\d+)/.exec(config)![1];
    emulator.denyRole(account, 'Developer');
    await rm(join(stateDir, 'role-credentials'), { recursive: true, force: true });
    const r = await cli(['credentials', '--profile', 'ops']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toContain(`role Developer in account ${account} is not assigned to you`);
  });

  it('the AWS CLI gets credentials from a credential_process profile running this command', async () => {
    const config = join(dir, 'cli-config');
    await writeFile(
      config,
      `${await readFile(home.configFile, 'utf8')}\n[profile app]\ncredential_process = ${process.execPath} ${CLI_BIN} credentials --profile dev\nregion = us-east-1\n`,
    );
    const cliEnv = { ...env, AWS_CONFIG_FILE: config, PATH: process.env.PATH ?? '' };
    const ours = JSON.parse((await cli(['credentials', '--profile', 'dev'])).stdout);
    if (!existsSync(AWS)) throw new Error(`${AWS} is missing: apt-get install -y awscli`);
    const { stdout } = await run(
      AWS,
      ['configure', 'export-credentials', '--profile', 'app', '--format', 'process'],
      {
        env: cliEnv,
      },
    );
    runs.push({ code: 0, stdout, stderr: '' });
    roleSecretsSeen.push(JSON.parse(stdout).SecretAccessKey, JSON.parse(stdout).SessionToken);
    expect(JSON.parse(stdout)).toMatchObject({
      Version: 1,
      AccessKeyId: ours.AccessKeyId,
      SecretAccessKey: ours.SecretAccessKey,
      SessionToken: ours.SessionToken,
    });
  });

  it('the AWS SDK for JavaScript fromProcess gets them too', async () => {
    // The SDK runs the command with the real process environment, which jest does not let a test change.
    const vars = Object.entries(env).map(([k, v]) => `${k}=${v}`);
    const config = join(dir, 'sdk-config');
    await writeFile(
      config,
      `[profile app]\ncredential_process = /usr/bin/env ${vars.join(' ')} ${process.execPath} ${CLI_BIN} credentials --profile prod\n`,
    );
    const restoreEnv = saveEnv();
    process.env = { ...process.env, AWS_CONFIG_FILE: config };
    try {
      const credentials = await fromProcess({ profile: 'app', filepath: join(dir, 'no-credentials') })();
      expect(credentials).toMatchObject({
        accessKeyId: expect.stringMatching(/^ASIA/),
        expiration: expect.any(Date),
      });
      expect(credentials.expiration!.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
      roleSecretsSeen.push(credentials.secretAccessKey, credentials.sessionToken!);
    } finally {
      restoreEnv();
    }
  });

  it('leaks no SSO secret anywhere, and no secret at all on stderr or in the role cache beyond its own', async () => {
    const roleSecrets = new Set<string>(roleSecretsSeen);
    for (const r of runs) {
      for (const m of r.stdout.matchAll(
        /(?:SecretAccessKey|SessionToken|secretAccessKey|sessionToken)"?\s*[:=]\s*"?([^"\s,]+)/g,
      ))
        roleSecrets.add(m[1]);
      for (const m of r.stdout.matchAll(/AWS_(?:SECRET_ACCESS_KEY|SESSION_TOKEN)=(\S+)/g))
        roleSecrets.add(m[1]);
    }
    const all = emulator.issuedSecrets();
    const sso = all.filter((s) => !roleSecrets.has(s));
    expect(roleSecrets.size).toBeGreaterThan(0);
    expect(sso.filter((s) => runs.some((r) => r.stdout.includes(s)))).toStrictEqual([]);
    expect(all.filter((s) => runs.some((r) => r.stderr.includes(s)))).toStrictEqual([]);
    for (const file of await roleFiles()) {
      const content = await readFile(file, 'utf8');
      expect(sso.filter((s) => content.includes(s))).toStrictEqual([]);
    }
  });
});
