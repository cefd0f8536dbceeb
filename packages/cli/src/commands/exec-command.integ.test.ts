import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Emulator } from '@sso-supervisor/emulator';
import { createWorld, type World } from '@sso-supervisor/emulator/testing';
import { JOB_ENV, readJobReport, writeJobs } from '../test-support/broker-jobs';
import { CLI_BIN, leakedSecrets, runCli, type CliRun } from '../testing';

/** `exec` with no daemon running: its own broker, for the child's lifetime. */
describe('exec without a daemon', () => {
  let world: World;
  let emulator: Emulator;
  let env: Record<string, string>;
  let job: Awaited<ReturnType<typeof writeJobs>>;
  const outputs: string[] = [];
  const cli = async (args: string[], extra: Record<string, string> = {}): Promise<CliRun> => {
    const r = await runCli(args, { ...env, ...extra });
    outputs.push(r.stdout, r.stderr);
    return r;
  };

  beforeAll(async () => {
    world = await createWorld({
      prefix: 'exec-',
      // Role credentials that live 2 s: the broker renews them after 1 s, so a job spans lifetimes fast.
      emulator: { roleCredentialTtlSeconds: 2 },
      sessions: [
        { name: 'corp', profiles: ['dev'] },
        { name: 'nobody', profiles: ['sandbox'], loggedIn: false },
      ],
    });
    ({ emulator } = world);
    env = { ...world.env, ...JOB_ENV };
    job = await writeJobs(world.dir);
  });
  afterAll(async () => {
    await world.close();
  });
  beforeEach(() => emulator.resetCalls());

  it('a JS SDK job calls for 3+ credential lifetimes without an error; one GetRoleCredentials per renewal', async () => {
    const r = await cli(['exec', '--profile', 'dev', '--', ...job('js', 40, 4)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = readJobReport(r.stdout);
    expect(report.errors).toEqual([]);
    expect(report.keys.size).toBe(4);
    // Every renewal reached the job, but perhaps the first, made by the check before it started.
    expect(emulator.calls.getRoleCredentials).toBeGreaterThanOrEqual(report.keys.size);
    expect(emulator.calls.getRoleCredentials).toBeLessThanOrEqual(report.keys.size + 1);
    // Its broker was its own: nothing announced in the state folder.
    expect(existsSync(join(world.stateDir, 'server.json'))).toBe(false);
  });

  it('the child gets the endpoint and loses AWS_PROFILE and keys; AWS_PROFILE chooses the profile', async () => {
    const r = await cli(
      [
        'exec',
        '--',
        'sh',
        '-c',
        'env | cut -d= -f1 | grep ^AWS_ | sort; echo "$AWS_CONTAINER_CREDENTIALS_FULL_URI"',
      ],
      {
        AWS_PROFILE: 'dev',
        AWS_DEFAULT_PROFILE: 'dev',
        AWS_ACCESS_KEY_ID: 'AKIAOLD',
        AWS_SECRET_ACCESS_KEY: 'old',
        AWS_SESSION_TOKEN: 'old',
        AWS_CREDENTIAL_EXPIRATION: '2020-01-01T00:00:00Z',
      },
    );
    expect(r.code).toBe(0);
    const names = r.stdout.split('\n');
    expect(names).toEqual(
      expect.arrayContaining(['AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_CONTAINER_AUTHORIZATION_TOKEN']),
    );
    for (const gone of [
      'AWS_PROFILE',
      'AWS_DEFAULT_PROFILE',
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
      'AWS_CREDENTIAL_EXPIRATION',
      // The JS SDK warns on every fetch when the file is set too.
      'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE',
    ])
      expect(names).not.toContain(gone);
    expect(r.stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/credentials\/dev$/m);
  });

  it('--static: plain credentials and their expiration, no endpoint', async () => {
    const r = await cli([
      'exec',
      '--profile',
      'dev',
      '--static',
      '--',
      'sh',
      '-c',
      'env | grep ^AWS_ | sort',
    ]);
    expect(r.code).toBe(0);
    const vars = Object.fromEntries(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(/=(.*)/s).slice(0, 2)),
    );
    expect(emulator.issuedSecrets()).toEqual(
      expect.arrayContaining([vars.AWS_SECRET_ACCESS_KEY, vars.AWS_SESSION_TOKEN]),
    );
    expect(vars.AWS_ACCESS_KEY_ID).toMatch(/^ASIA/);
    expect(Date.parse(vars.AWS_CREDENTIAL_EXPIRATION)).toBeGreaterThan(Date.now());
    expect(vars.AWS_CONTAINER_CREDENTIALS_FULL_URI).toBeUndefined();
    // These are the child's to print; exec's own output is scanned with the rest (the last test).
    outputs.pop();
    outputs.pop();
    outputs.push(r.stderr);
  });

  it('a session that needs a login: exit 1, the login command on stderr, the command not run', async () => {
    const marker = join(world.dir, 'ran');
    const r = await cli(['exec', '--profile', 'sandbox', '--', 'touch', marker]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('run sso-supervisor login nobody');
    expect(existsSync(marker)).toBe(false);
  });

  it('usage: no profile, an unknown one (did you mean), a missing command', async () => {
    expect(await cli(['exec', '--', 'true'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--profile'),
    });
    expect(await cli(['exec', '--profile', 'deb', '--', 'true'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('did you mean "dev"'),
    });
    expect(await cli(['exec', '--profile', 'dev', '--', 'no-such-command-here'])).toMatchObject({
      code: 127,
      stderr: expect.stringContaining('command not found'),
    });
  });

  it("passes the child's exit code through, and 128+N when signal N ended it", async () => {
    expect((await cli(['exec', '--profile', 'dev', '--', 'sh', '-c', 'exit 7'])).code).toBe(7);
    expect((await cli(['exec', '--profile', 'dev', '--', 'sh', '-c', 'kill -KILL $$'])).code).toBe(137);
  });

  it.each([
    ['SIGINT', 2],
    ['SIGTERM', 15],
    ['SIGHUP', 1],
  ] as const)('forwards %s to the child and exits with its code', async (signal, n) => {
    const script = `for s in INT TERM HUP; do trap "echo got-$s; exit $((40 + ${n}))" $s; done; echo ready; while :; do sleep 0.1; done`;
    // Its own process group: not the terminal's foreground group even when the tests run in a terminal.
    const child = spawn(process.execPath, [CLI_BIN, 'exec', '--profile', 'dev', '--', 'sh', '-c', script], {
      env: { PATH: process.env.PATH ?? '', ...env },
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (d) => {
        stdout += d;
        if (stdout.includes('ready')) resolve();
      }),
    );
    child.kill(signal);
    expect(await code).toBe(40 + n);
    expect(stdout).toContain(`got-${signal.slice(3)}`);
    outputs.push(stdout, stderr);
  });

  it('env with no daemon: exit 1, saying to start one', async () => {
    const r = await cli(['env', '--profile', 'dev']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('sso-supervisor run');
  });

  it('no role or SSO secret in any output, the state folder or the cache of role credentials', async () => {
    const stateFiles: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        // The role cache holds role credentials by design (0600, as `credentials` does).
        else if (!dir.endsWith('role-credentials')) stateFiles.push(await readFile(path, 'utf8'));
      }
    };
    await walk(world.stateDir);
    expect(emulator.issuedSecrets().length).toBeGreaterThan(10);
    expect(leakedSecrets(emulator.issuedSecrets(), [...outputs, ...stateFiles])).toEqual([]);
  });
});

describe('exec without a daemon, the session revoked mid-job', () => {
  let world: World;

  beforeAll(async () => {
    world = await createWorld({
      prefix: 'exec-revoked-',
      // SSO access tokens live 3 s, so a revoked refresh token stops the broker within seconds.
      emulator: { roleCredentialTtlSeconds: 2, accessTokenTtlSeconds: 3 },
      sessions: [{ name: 'corp', profiles: ['dev'], accessTokenTtlSeconds: 3 }],
    });
  });
  afterAll(async () => {
    await world.close();
  });

  it('the job is told to log in, and so is the person at the terminal, once', async () => {
    const job = await writeJobs(world.dir);
    const child = spawn(
      process.execPath,
      [CLI_BIN, 'exec', '--profile', 'dev', '--', ...job('botocore', 60)],
      {
        env: { PATH: process.env.PATH ?? '', ...world.env },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const until = async (check: () => boolean) => {
      while (!check()) await new Promise((resolve) => setTimeout(resolve, 100));
    };
    try {
      await until(() => readJobReport(stdout).keys.size >= 1);
      world.emulator.revokeAllRefreshTokens();
      await until(() => readJobReport(stdout).errors.filter((m) => m.includes('424')).length >= 2);
      await writeFile(join(world.dir, 'stop'), '');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGTERM');
    }
    const told = readJobReport(stdout).errors.filter((m) => m.includes('424'));
    for (const message of told) expect(message).toContain('run sso-supervisor login corp');
    // Its own broker says it on stderr, once however often the job asks.
    const lines = stderr.split('\n').filter((l) => l.includes('run sso-supervisor login corp'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^sso-supervisor: /);
    expect(leakedSecrets(world.emulator.issuedSecrets(), [stdout, stderr])).toEqual([]);
  }, 60_000);
});
