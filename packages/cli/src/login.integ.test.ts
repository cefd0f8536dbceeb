import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeAwsCliDataPath, type Emulator, type SsoHome } from '@sso-supervisor/emulator';
import { createWorld, type World } from '@sso-supervisor/emulator/testing';
import { CLI_BIN, type CliRun, leakedSecrets, runCli } from './testing';

const AWS = '/usr/bin/aws';
const KEY_ORDER = [
  'startUrl',
  'region',
  'accessToken',
  'expiresAt',
  'clientId',
  'clientSecret',
  'registrationExpiresAt',
  'refreshToken',
];

/** `sso-supervisor login` as a user runs it: the built bin, a throw-away HOME, the emulator. */
describe('sso-supervisor login', () => {
  let emulator: Emulator;
  let world: World;
  let dir: string;
  let home: SsoHome;
  let env: Record<string, string>;
  const outputs: CliRun[] = [];

  /**
   * Runs `login` in its own process and calls `onLine` with each stdout line as it comes, so a test can
   * approve, deny or press Ctrl-C at the moment the code is shown.
   */
  function login(args: string[], onLine: (line: string, child: ReturnType<typeof spawn>) => void) {
    return new Promise<CliRun>((resolve) => {
      const child = spawn(process.execPath, [CLI_BIN, 'login', ...args], {
        env: { PATH: process.env.PATH ?? '', ...env },
      });
      let stdout = '';
      let stderr = '';
      let partial = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk;
        partial += chunk;
        const lines = partial.split('\n');
        partial = lines.pop()!;
        for (const line of lines) onLine(line, child);
      });
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
      child.on('exit', (code) => {
        const run = { code: code ?? 1, stdout, stderr };
        outputs.push(run);
        resolve(run);
      });
    });
  }
  const codeIn = (line: string) => /code ([A-Z]{4}-[A-Z]{4})\./.exec(line)?.[1];
  const tempFiles = async () => (await readdir(home.cacheDir)).filter((f) => !f.endsWith('.json'));

  beforeAll(async () => {
    world = await createWorld({
      prefix: 'cli-login-',
      emulator: { deviceCodeTtlSeconds: 3 },
      sessions: [
        { name: 'corp', profiles: ['dev', 'prod'], loggedIn: false },
        { name: 'fresh', profiles: ['staging'] },
        { name: 'legacy-admin', profiles: ['legacy-admin'], legacy: true, loggedIn: false },
      ],
    });
    ({ emulator, dir, home } = world);
    env = { ...home.env, NO_COLOR: '1' };
  });

  afterAll(async () => {
    expect(
      leakedSecrets(
        emulator.issuedSecrets(),
        outputs.flatMap((o) => [o.stdout, o.stderr]),
      ),
    ).toEqual([]);
    await world.close();
  });

  it('--json: why the device code, a pending line with the link and code, then logged_in; the cache file in the AWS CLI form', async () => {
    const run = await login(['corp', '--json'], (line) => {
      const event = JSON.parse(line);
      if (event.event === 'pending') emulator.approveDevice(event.userCode);
    });
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    // No DISPLAY in this environment: the device code, and the first line says why.
    expect(lines.shift()).toEqual({
      event: 'device_code',
      session: 'corp',
      reason: 'no display (DISPLAY and WAYLAND_DISPLAY are unset)',
    });
    const { userCode } = lines[0];
    expect(lines[0]).toEqual({
      event: 'pending',
      session: 'corp',
      verificationUri: `${emulator.url}/device`,
      verificationUriComplete: `${emulator.url}/device?user_code=${userCode}`,
      userCode,
      expiresAt: expect.stringMatching(/Z$/),
      intervalSeconds: 1,
    });
    const raw = await readFile(home.sessions.corp.cacheFile, 'utf8');
    const token = JSON.parse(raw);
    expect(Object.keys(token)).toEqual(KEY_ORDER);
    expect(lines.at(-1)).toEqual({
      event: 'logged_in',
      session: 'corp',
      id: 'corp',
      expiresAt: token.expiresAt,
      registrationExpiresAt: token.registrationExpiresAt,
      reusedRegistration: false,
    });
    expect(raw).not.toContain('\n');
  });

  const cli = existsSync(AWS) ? it : it.skip;
  cli('the AWS CLI v2 reads the file login wrote and gets role credentials', async () => {
    const dataPath = join(dir, 'aws-data');
    await writeAwsCliDataPath(dataPath, emulator.url);
    emulator.resetCalls();
    const { stdout } = await promisify(execFile)(
      AWS,
      ['configure', 'export-credentials', '--profile', 'prod', '--format', 'process'],
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
    expect(emulator.calls.createToken.refresh_token).toBe(0);
  });

  it('prints the page and the code in plain lines when stdout is not a terminal: no QR code, no countdown', async () => {
    const run = await login(['--profile', 'legacy-admin'], (line) => {
      const code = codeIn(line);
      if (code) emulator.approveDevice(code);
    });
    expect(run.code).toBe(0);
    const { startUrl } = home.sessions['legacy-admin'];
    expect(run.stdout).toContain(
      `To log in profile legacy-admin (${startUrl}), open this page on any device:`,
    );
    expect(run.stdout).toMatch(new RegExp(`^  ${emulator.url}/device\\?user_code=[A-Z]{4}-[A-Z]{4}$`, 'm'));
    expect(run.stdout).toMatch(
      /^Logged in: profile legacy-admin, valid until \S+Z; new client registration/m,
    );
    expect(run.stdout).not.toMatch(/[\u2580\u2584\u2588\r]/);
    expect(JSON.parse(await readFile(home.sessions['legacy-admin'].cacheFile, 'utf8')).startUrl).toBe(
      startUrl,
    );
  });

  it('a denied login exits 1 and leaves the old file as it was', async () => {
    const before = await readFile(home.sessions.fresh.cacheFile, 'utf8');
    const run = await login(['staging'], (line) => {
      const code = codeIn(line);
      if (code) emulator.denyDevice(code);
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('login denied: the login was denied; nothing was written\n');
    expect(await readFile(home.sessions.fresh.cacheFile, 'utf8')).toBe(before);
  });

  it('an expired code exits 1, --json ending with the outcome', async () => {
    const run = await login(['fresh', '--json'], () => {});
    expect(run.code).toBe(1);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.event).slice(0, 2)).toEqual(['device_code', 'pending']);
    expect(lines.slice(2, -1).every((l) => l.event === 'waiting' && l.status === 'pending')).toBe(true);
    expect(lines.at(-1)).toMatchObject({ event: 'expired', session: 'fresh' });
  });

  it('Ctrl-C while waiting exits 1, leaves the old file untouched and no temp file', async () => {
    const before = await readFile(home.sessions.fresh.cacheFile, 'utf8');
    const run = await login(['fresh'], (line, child) => codeIn(line) && child.kill('SIGINT'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('login aborted: the login was cancelled; nothing was written');
    expect(await readFile(home.sessions.fresh.cacheFile, 'utf8')).toBe(before);
    expect(await tempFiles()).toEqual([]);
  });

  it('an unknown session, or a session and --profile together, is a usage error (exit 2)', async () => {
    emulator.resetCalls();
    const unknown = await runCli(['login', 'nope'], env);
    outputs.push(unknown);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^unknown session: nope \(known: corp, fresh, --profile legacy-admin\)/);
    const both = await runCli(['login', 'corp', '--profile', 'dev'], env);
    outputs.push(both);
    expect(both.code).toBe(2);
    const none = await runCli(['login'], env);
    expect(none.code).toBe(2);
    expect(emulator.calls).toMatchObject({ registerClient: 0, startDeviceAuthorization: 0 });
  });
});
