import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createWorld, type World } from '@sso-supervisor/emulator/testing';
import { CLI_BIN, runCli } from './testing';

const run = promisify(execFile);
const AWS = '/usr/bin/aws';

// The examples' Slack set-up: SLACK_WEBHOOK_URL is exported only in the daemon's shell.
const SLACK_CONFIG = [
  'version: 1',
  'defaults:',
  '  threshold: 30m',
  'notifiers:',
  '  - name: team',
  '    type: slack',
  '    webhookUrl: ${SLACK_WEBHOOK_URL}',
  'exports:',
  '  - profile: dev',
  '    path: ./dev.env',
  '    format: dotenv',
  '    renewBefore: ${RENEW}',
  '',
].join('\n');

/** Which supervisor.yaml each command reads, and which parts of it can fail the ones other programs call. */
describe('supervisor.yaml for credential_process', () => {
  let world: World;
  let env: Record<string, string>;

  beforeAll(async () => {
    world = await createWorld({
      prefix: 'config-scope-',
      sessions: [{ name: 'corp', profiles: ['dev'] }],
    });
    await world.writeConfig(SLACK_CONFIG);
    // No user-level file of the machine running the tests may be found.
    env = { ...world.env, XDG_CONFIG_HOME: join(world.dir, 'xdg') };
  });
  afterAll(() => world.close());

  it('credentials, token, login, status and refresh run with a notifier or export variable unset', async () => {
    for (const args of [
      ['credentials', '--profile', 'dev'],
      ['token', 'corp'],
      ['status', '--json'],
      ['refresh', '--json'],
    ]) {
      const r = await runCli(args, env);
      expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code: 0, stderr: '' });
    }
    // login fails on its own terms (no browser here), not on supervisor.yaml.
    const login = await runCli(['login', 'nosuch'], env);
    expect(login.stderr).not.toContain('supervisor.yaml');
  });

  it('validate (and run, which reads all of it alike) still refuses the file, naming FILE:LINE:COL', async () => {
    const r = await runCli(['validate'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${world.configFile}:7:17 notifiers[0].webhookUrl: environment variable SLACK_WEBHOOK_URL is not set`,
    );
    expect(r.stderr).toContain(
      `${world.configFile}:12:18 exports[0].renewBefore: environment variable RENEW`,
    );
  });

  it('a broken session part still fails credentials, with FILE:LINE:COL', async () => {
    const broken = join(world.dir, 'broken.yaml');
    await writeFile(broken, SLACK_CONFIG.replace('threshold: 30m', 'threshold: soon'));
    const r = await runCli(['credentials', '--profile', 'dev'], { ...env, SSO_SUPERVISOR_CONFIG: broken });
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(new RegExp(`^error: ${broken}:3:14 defaults\\.threshold: `));
  });

  it("the AWS CLI's credential_process is not failed by a supervisor.yaml in the caller's folder", async () => {
    if (!existsSync(AWS)) throw new Error(`${AWS} is missing: apt-get install -y awscli`);
    const project = join(world.dir, 'proj');
    await mkdir(project, { recursive: true });
    await writeFile(join(project, 'supervisor.yaml'), 'notifiers: []\n'); // no `version`: an error if read
    const config = join(world.dir, 'cli-config');
    await writeFile(
      config,
      `${await readFile(world.home.configFile, 'utf8')}\n[profile app]\ncredential_process = ${process.execPath} ${CLI_BIN} credentials --profile dev\n`,
    );
    const { SSO_SUPERVISOR_CONFIG: _, ...noNamedConfig } = env;
    const cliEnv = { ...noNamedConfig, AWS_CONFIG_FILE: config, PATH: process.env.PATH ?? '' };
    const { stdout } = await run(AWS, ['configure', 'export-credentials', '--profile', 'app'], {
      env: cliEnv,
      cwd: project,
    });
    expect(JSON.parse(stdout)).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) });
    // validate names the file it does not read, and how to read it.
    const v = await runCli(['validate'], noNamedConfig, { cwd: project });
    expect(v.stderr + v.stdout).toContain(`${join(project, 'supervisor.yaml')}: not read:`);
    expect(v.stderr + v.stdout).toContain(`Pass --config ${join(project, 'supervisor.yaml')} to use it`);
  });

  it('init writes to $SSO_SUPERVISOR_CONFIG, where every command then reads', async () => {
    const target = join(world.dir, 'from-env.yaml');
    const r = await runCli(['init'], { ...env, SSO_SUPERVISOR_CONFIG: target });
    expect(r).toMatchObject({
      code: 0,
      stdout: `wrote ${target} with 1 session(s) from ${world.home.configFile}\n`,
    });
  });
});
