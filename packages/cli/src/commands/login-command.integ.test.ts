import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fromSSO } from '@aws-sdk/credential-providers';
import { writeAwsCliDataPath } from '@sso-supervisor/emulator';
import { createWorld, saveEnv, type World } from '@sso-supervisor/emulator/testing';
import { type CliRun, leakedSecrets, runCli } from '../testing';

const AWS = '/usr/bin/aws';

/**
 * A person's browser, as $BROWSER: follows the authorize redirect back to the CLI with fetch. `mode`:
 * `twice` opens the page twice at once; `forged` first calls the callback with a made-up state; `idle`
 * never opens anything (a person who walks away); `slow` waits a little first (a person reading).
 */
const BROWSER_SCRIPT = `#!${process.execPath}
const url = process.argv[2];
const mode = process.env.TEST_BROWSER_MODE || 'follow';
require('node:fs').appendFileSync(process.env.TEST_BROWSER_LOG, url + '\\n');
const follow = () => fetch(url).then((r) => r.text());
(async () => {
  if (mode === 'idle') return;
  if (mode === 'slow') await new Promise((r) => setTimeout(r, 1500));
  if (mode === 'forged') {
    const redirect = new URL(url).searchParams.get('redirect_uri');
    await fetch(redirect + '?code=forged&state=forged').then((r) => r.text());
  }
  await (mode === 'twice' ? Promise.all([follow(), follow()]) : follow());
})();
`;

describe('login command (browser, PKCE)', () => {
  let world: World;
  let env: Record<string, string>;
  let browserLog: string;
  const runs: CliRun[] = [];
  const login = async (args: string[], extra: Record<string, string> = {}) => {
    const run = await runCli(['login', ...args], { ...env, ...extra });
    runs.push(run);
    return run;
  };
  const cacheFile = () => world.home.sessions.corp.cacheFile;
  const cacheFiles = async () => (await readdir(world.home.cacheDir)).sort();

  beforeEach(async () => {
    world = await createWorld({
      prefix: 'login-cli-',
      sessions: [
        { name: 'corp', profiles: ['dev'], loggedIn: false },
        { name: 'old', profiles: ['old'], legacy: true, loggedIn: false },
      ],
    });
    const browser = join(world.dir, 'browser');
    await writeFile(browser, BROWSER_SCRIPT);
    await chmod(browser, 0o755);
    browserLog = join(world.dir, 'browser.log');
    // A desktop: a display, no SSH; the "browser" is the script.
    env = { ...world.env, DISPLAY: ':99', BROWSER: browser, TEST_BROWSER_LOG: browserLog };
  });

  afterEach(async () => {
    const outputs = runs.splice(0).flatMap((r) => [r.stdout, r.stderr]);
    expect(leakedSecrets(world.emulator.issuedSecrets(), outputs)).toEqual([]);
    await world.close();
  });

  it('logs in through $BROWSER and writes the token and registration files as the AWS CLI does', async () => {
    const run = await login(['corp']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const url = (await readFile(browserLog, 'utf8')).trim();
    expect(run.stdout).toContain(url);
    expect(run.stdout).toMatch(/Logged in: corp, valid until .*; new client registration until/);
    const token = JSON.parse(await readFile(cacheFile(), 'utf8'));
    expect(token).toMatchObject({ refreshToken: expect.any(String), clientId: expect.any(String) });
    expect((await stat(cacheFile())).mode & 0o777).toBe(0o600);
    const [registrationFile] = (await cacheFiles()).filter(
      (f) => join(world.home.cacheDir, f) !== cacheFile(),
    );
    const registration = JSON.parse(await readFile(join(world.home.cacheDir, registrationFile), 'utf8'));
    expect(registration).toEqual({
      clientId: token.clientId,
      clientSecret: token.clientSecret,
      expiresAt: token.registrationExpiresAt,
      scopes: ['sso:account:access'],
      grantTypes: ['authorization_code', 'refresh_token'],
    });
    expect((await stat(join(world.home.cacheDir, registrationFile))).mode & 0o777).toBe(0o600);
    expect(world.emulator.calls).toMatchObject({ authorize: 1, createToken: { authorization_code: 1 } });

    // The next login reuses that registration, as `aws sso login` would.
    expect((await login(['corp', '--json'])).code).toBe(0);
    expect(world.emulator.calls.registerClient).toBe(1);
    const lines = runs
      .at(-1)!
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.event)).toEqual(['browser', 'logged_in']);
    expect(lines[0]).toEqual({
      event: 'browser',
      session: 'corp',
      url: expect.stringContaining('/authorize?'),
    });
    expect(lines[1]).toMatchObject({ session: 'corp', id: 'corp', reusedRegistration: true });

    // The JS SDK reads what login wrote and gets role credentials.
    const restore = saveEnv();
    try {
      Object.assign(process.env, world.env);
      delete process.env.AWS_PROFILE;
      const credentials = await fromSSO({ profile: 'dev' })();
      expect(credentials.accessKeyId).toMatch(/^ASIA/);
    } finally {
      restore();
    }
  });

  (existsSync(AWS) ? it : it.skip)(
    "Debian's AWS CLI uses the login, and its own later refresh works with our registration",
    async () => {
      world.emulator.setAccessTokenTtl(600); // under botocore's 15 minutes: the AWS CLI refreshes first
      expect((await login(['corp'])).code).toBe(0);
      world.emulator.setAccessTokenTtl(3600);
      const before = JSON.parse(await readFile(cacheFile(), 'utf8'));
      const dataPath = join(world.dir, 'aws-data');
      await writeAwsCliDataPath(dataPath, world.emulator.url);
      const out = await promisify(execFile)(AWS, ['configure', 'export-credentials', '--profile', 'dev'], {
        env: { PATH: process.env.PATH ?? '', ...world.env, AWS_DATA_PATH: dataPath },
      });
      expect(JSON.parse(out.stdout)).toMatchObject({ AccessKeyId: expect.stringMatching(/^ASIA/) });
      expect(world.emulator.calls.refreshByClient[before.clientId]).toBe(1);
      const after = JSON.parse(await readFile(cacheFile(), 'utf8'));
      expect(after.accessToken).not.toBe(before.accessToken);
    },
    60_000,
  );

  it('ignores a callback with a wrong state and takes the real one', async () => {
    expect((await login(['corp'], { TEST_BROWSER_MODE: 'forged' })).code).toBe(0);
    expect(world.emulator.calls.createToken.authorization_code).toBe(1);
  });

  it('survives a browser that opens the page twice', async () => {
    expect((await login(['corp'], { TEST_BROWSER_MODE: 'twice' })).code).toBe(0);
    expect(world.emulator.calls.authorize).toBe(2);
    expect(JSON.parse(await readFile(cacheFile(), 'utf8')).refreshToken).toBeDefined();
  });

  it('says denied and writes nothing when the person refuses (access_denied)', async () => {
    world.emulator.setAuthorizeAnswer('deny');
    const run = await login(['corp']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/login denied: .*access_denied.*nothing was written/);
    expect(await cacheFiles()).toEqual([]);
  });

  it('times out with nothing written when nobody finishes in the browser', async () => {
    const run = await login(['corp', '--browser-timeout', '1'], { TEST_BROWSER_MODE: 'idle' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/login expired: .*nothing was written/);
    expect(await cacheFiles()).toEqual([]);
    expect(world.emulator.calls.createToken.authorization_code).toBe(0);
  });

  it('fails before registering when --redirect-port is taken', async () => {
    const other = createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const { port } = other.address() as AddressInfo;
    const run = await login(['corp', '--redirect-port', String(port)]);
    await new Promise((resolve) => other.close(resolve));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`port ${port} on 127.0.0.1 is in use`);
    expect(world.emulator.calls.registerClient).toBe(0);
    expect(await cacheFiles()).toEqual([]);
  });

  it('a second login for the same session joins the first and names its pid', async () => {
    const slow = { TEST_BROWSER_MODE: 'slow' };
    const first = login(['corp'], slow);
    // The second starts once the first holds the lock (it has printed the page).
    await new Promise((resolve) => setTimeout(resolve, 700));
    const second = await login(['corp', '--json'], slow);
    const done = await first;
    expect(done.code).toBe(0);
    expect(second.code).toBe(0);
    const events = second.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(events[0]).toMatchObject({ event: 'login_running', session: 'corp', pid: expect.any(Number) });
    expect(events.at(-1)).toMatchObject({ event: 'logged_in', joinedPid: events[0].pid });
    // One person, one sign-in.
    expect(world.emulator.calls.authorize).toBe(1);
  });

  it('uses the device code without a display, over SSH, on request, and for legacy profiles', async () => {
    const noDisplay = { ...env, DISPLAY: '' };
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['corp'], noDisplay, /no display/],
      [['corp'], { SSH_CONNECTION: '10.0.0.1 50000 10.0.0.2 22' }, /over SSH/],
      [['corp', '--device-code'], {}, /--device-code/],
      [['--profile', 'old'], {}, /legacy profile/],
    ];
    for (const [args, extra, reason] of cases) {
      const pending = login([...args, '--json'], extra);
      // Approve each device code as it appears, as a person on another device would.
      const approver = setInterval(() => {
        for (const { userCode } of world.emulator.pendingDeviceAuthorizations())
          world.emulator.approveDevice(userCode);
      }, 100);
      const run = await pending;
      clearInterval(approver);
      const events = run.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      const session = args[0] === '--profile' ? null : 'corp';
      expect(events[0]).toEqual({ event: 'device_code', session, reason: expect.stringMatching(reason) });
      expect(events.at(-1).event).toBe('logged_in');
    }
    expect(world.emulator.calls.authorize).toBe(0);
    expect(await readFile(browserLog, 'utf8').catch(() => '')).toBe('');
  });

  it('refuses --redirect-port when the device code is used (exit 2)', async () => {
    const run = await login(['corp', '--device-code', '--redirect-port', '8400']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--redirect-port is for the browser login');
  });
});
