import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startEmulator, writeCachedLogin, type Emulator, type SsoHome } from '@sso-supervisor/emulator';
import { createWorld, saveEnv, type World } from '@sso-supervisor/emulator/testing';
import { type SsoSession, loadSessions } from '../aws-config/discover-sessions';
import { formatCachedToken } from '../cache/cached-token';
import { deviceLogin, type DeviceLoginOptions } from './device-login';
import type { LoginProgress } from './login-types';

const DAY = 86_400_000;
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

/** A clock that moves only when the login sleeps, so a ten-minute wait takes no time. */
function fakeTime() {
  let now = Date.now();
  const sleeps: number[] = [];
  return {
    sleeps,
    clock: { now: () => new Date(now) },
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

/** deviceLogin through the real SDK client against the emulator. */
describe(deviceLogin.name, () => {
  let emulator: Emulator;
  let world: World;
  let dir: string;
  let home: SsoHome;
  let sessions: Record<string, SsoSession>;
  let outputs: unknown[];
  const restoreEnv = saveEnv();

  beforeEach(async () => {
    world = await createWorld({
      prefix: 'login-',
      sessions: [
        { name: 'corp', profiles: ['dev'] },
        { name: 'newbie', profiles: ['sandbox'], loggedIn: false },
        { name: 'old-admin', profiles: ['old-admin'], legacy: true, loggedIn: false },
      ],
    });
    ({ emulator, dir, home } = world);
    Object.assign(process.env, home.env);
    const found = (await loadSessions(home.configFile, home.cacheDir)).sessions;
    sessions = Object.fromEntries(found.map((s) => [s.name ?? s.profiles[0], s]));
    outputs = [];
  });

  afterEach(async () => {
    restoreEnv();
    const text = JSON.stringify(outputs);
    expect(emulator.issuedSecrets().filter((s) => text.includes(s))).toEqual([]);
    // A test may swap in an emulator of its own; the world closes the one it started.
    await emulator.close();
    await world.close();
  });

  const login = async (
    session: SsoSession,
    options: DeviceLoginOptions & { approve?: 'at-once' | 'never' },
  ) => {
    const progress: LoginProgress[] = [];
    const result = await deviceLogin(session, {
      ...options,
      onProgress: (p) => {
        progress.push(p);
        if (p.type === 'pending' && options.approve === 'at-once') emulator.approveDevice(p.userCode);
        options.onProgress?.(p);
      },
    });
    outputs.push(result, progress);
    return { result, progress };
  };
  const tempFiles = async () => (await readdir(home.cacheDir)).filter((f) => !f.endsWith('.json'));

  it('registers, shows the code, polls through pending and slow_down, and writes the AWS CLI form', async () => {
    const time = fakeTime();
    let pendingCode = '';
    const { result, progress } = await login(sessions.newbie, {
      ...time,
      onProgress: (p) => {
        if (p.type === 'pending') pendingCode = p.userCode;
        if (p.type === 'waiting' && p.status === 'slow_down') emulator.approveDevice(pendingCode);
      },
    });
    expect(result).toEqual({
      session: 'newbie',
      id: 'newbie',
      outcome: 'logged_in',
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      registrationExpiresAt: expect.stringMatching(/Z$/),
      reusedRegistration: false,
    });
    expect(progress[0]).toMatchObject({
      type: 'pending',
      verificationUri: `${emulator.url}/device`,
      verificationUriComplete: `${emulator.url}/device?user_code=${pendingCode}`,
      intervalSeconds: 1,
    });
    expect(progress.slice(1)).toEqual([
      { type: 'waiting', status: 'pending', intervalSeconds: 1, secondsLeft: 599 },
      { type: 'waiting', status: 'slow_down', intervalSeconds: 6, secondsLeft: 598 },
    ]);
    // The emulator answers slow_down to a poll inside the interval; the fake sleep waits no real time.
    expect(time.sleeps).toEqual([1000, 1000, 6000]);
    expect(emulator.calls).toMatchObject({
      registerClient: 1,
      startDeviceAuthorization: 1,
      createToken: { device_code: 3, refresh_token: 0 },
    });
    const file = sessions.newbie.cacheFile;
    const raw = await readFile(file, 'utf8');
    const token = JSON.parse(raw);
    expect(Object.keys(token)).toEqual(KEY_ORDER);
    expect(raw).toBe(formatCachedToken(token));
    expect(token).toMatchObject({
      startUrl: sessions.newbie.startUrl,
      region: 'us-east-1',
      expiresAt: result.expiresAt,
      registrationExpiresAt: result.registrationExpiresAt,
    });
    expect(Date.parse(token.expiresAt)).toBe(
      Math.floor((time.clock.now().getTime() + 3600_000) / 1000) * 1000,
    );
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await tempFiles()).toEqual([]);
  });

  it('reuses the registration in the cache file while more than a day of it is left', async () => {
    const before = JSON.parse(await readFile(sessions.corp.cacheFile, 'utf8'));
    const { result } = await login(sessions.corp, { approve: 'at-once' });
    expect(result).toMatchObject({ outcome: 'logged_in', reusedRegistration: true });
    expect(emulator.calls.registerClient).toBe(0);
    const after = JSON.parse(await readFile(sessions.corp.cacheFile, 'utf8'));
    expect(after.clientId).toBe(before.clientId);
    expect(after.registrationExpiresAt).toBe(before.registrationExpiresAt);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
  });

  it('registers anew when the cached registration ends within the margin', async () => {
    const before = JSON.parse(await readFile(sessions.corp.cacheFile, 'utf8'));
    const { result } = await login(sessions.corp, { approve: 'at-once', reuseMarginMs: 91 * DAY });
    expect(result).toMatchObject({ outcome: 'logged_in', reusedRegistration: false });
    expect(emulator.calls.registerClient).toBe(1);
    const after = JSON.parse(await readFile(sessions.corp.cacheFile, 'utf8'));
    expect(after.clientId).not.toBe(before.clientId);
  });

  it('registers anew when AWS refuses the cached registration', async () => {
    emulator.expireRegistration(JSON.parse(await readFile(sessions.corp.cacheFile, 'utf8')).clientId);
    const { result } = await login(sessions.corp, { approve: 'at-once' });
    expect(result).toMatchObject({ outcome: 'logged_in', reusedRegistration: false });
    expect(emulator.calls).toMatchObject({ registerClient: 1, startDeviceAuthorization: 2 });
  });

  it('keeps waiting through a transient failure, and stops at a terminal one', async () => {
    const once = { attempts: 1, baseDelay: 1, maxDelay: 1, timeout: 2000 };
    emulator.injectFault('createToken', { kind: 'status', status: 500 });
    let code = '';
    const survived = await login(sessions.newbie, {
      ...fakeTime(),
      retry: once,
      onProgress: (p) => {
        if (p.type === 'pending') code = p.userCode;
        if (p.type === 'waiting' && p.status === 'retrying') emulator.approveDevice(code);
      },
    });
    expect(survived.progress.filter((p) => p.type === 'waiting').map((p) => p.status)).toEqual(['retrying']);
    expect(survived.result.outcome).toBe('logged_in');
    const before = await readFile(sessions.newbie.cacheFile, 'utf8');
    emulator.injectFault('createToken', {
      kind: 'status',
      status: 401,
      errorType: 'UnauthorizedClientException',
    });
    const stopped = await login(sessions.newbie, { ...fakeTime(), retry: once });
    expect(stopped.result).toMatchObject({ outcome: 'failed' });
    expect(stopped.result.error).toMatch(/^CreateToken failed \(UnauthorizedClientException, HTTP 401\)/);
    expect(await readFile(sessions.newbie.cacheFile, 'utf8')).toBe(before);
  });

  it('a denied login writes nothing', async () => {
    const before = await readFile(sessions.corp.cacheFile, 'utf8');
    const { result } = await login(sessions.corp, {
      ...fakeTime(),
      onProgress: (p) => p.type === 'pending' && emulator.denyDevice(p.userCode),
    });
    expect(result).toEqual({
      session: 'corp',
      id: 'corp',
      outcome: 'denied',
      error: 'the login was denied; nothing was written',
    });
    expect(await readFile(sessions.corp.cacheFile, 'utf8')).toBe(before);
    expect(await tempFiles()).toEqual([]);
  });

  it('stops at expiresIn when nobody approves, without polling past it', async () => {
    const time = fakeTime();
    const { result } = await login(sessions.newbie, { ...time, approve: 'never' });
    expect(result).toMatchObject({ outcome: 'expired' });
    const waited = time.sleeps.reduce((a, b) => a + b, 0);
    expect(waited).toBeGreaterThanOrEqual(600_000);
    expect(waited - time.sleeps[time.sleeps.length - 1]).toBeLessThan(600_000);
    expect(emulator.calls.createToken.device_code).toBe(time.sleeps.length - 1);
    await expect(readFile(sessions.newbie.cacheFile)).rejects.toThrow('ENOENT');
    expect(await tempFiles()).toEqual([]);
  });

  it('takes ExpiredTokenException as expired, whatever the local clock says', async () => {
    await emulator.close();
    emulator = await startEmulator({ deviceCodeTtlSeconds: 1 });
    Object.assign(process.env, emulator.env());
    const frozen = new Date();
    const { result } = await login(sessions.newbie, { clock: { now: () => frozen } });
    expect(result).toMatchObject({ outcome: 'expired' });
    expect(emulator.calls.createToken.device_code).toBeGreaterThanOrEqual(1);
  });

  it('Ctrl-C while waiting leaves the old file untouched and no temp file', async () => {
    const before = await readFile(sessions.corp.cacheFile, 'utf8');
    const controller = new AbortController();
    const { result } = await login(sessions.corp, {
      signal: controller.signal,
      onProgress: (p) => p.type === 'pending' && setTimeout(() => controller.abort(), 200),
    });
    expect(result).toMatchObject({ outcome: 'aborted' });
    expect(emulator.calls.createToken.device_code).toBe(0);
    expect(await readFile(sessions.corp.cacheFile, 'utf8')).toBe(before);
    expect(await tempFiles()).toEqual([]);
  });

  it('keeps a login that landed meanwhile, unless told to replace it', async () => {
    const { startUrl, cacheFile } = home.sessions.corp;
    const landIt = async () => {
      await writeCachedLogin(cacheFile, emulator.seedLogin({ startUrl, region: 'us-east-1' }));
      return readFile(cacheFile, 'utf8');
    };
    let landed: Promise<string> | undefined;
    const options = (replaceChanged: boolean): DeviceLoginOptions => ({
      replaceChanged,
      onProgress: (p) => {
        if (p.type !== 'pending') return;
        landed = landIt().then((raw) => {
          emulator.approveDevice(p.userCode);
          return raw;
        });
      },
    });
    const kept = await login(sessions.corp, options(false));
    expect(kept.result).toMatchObject({ outcome: 'superseded' });
    expect(await readFile(cacheFile, 'utf8')).toBe(await landed);
    const replaced = await login(sessions.corp, options(true));
    expect(replaced.result).toMatchObject({ outcome: 'logged_in' });
    expect(await readFile(cacheFile, 'utf8')).not.toBe(await landed);
    expect(await tempFiles()).toEqual([]);
  });

  it('logs in a legacy profile into the file named by its start URL, with a refresh token', async () => {
    const legacy = sessions['old-admin'];
    expect(legacy).toMatchObject({ name: null, registrationScopes: [] });
    const { result } = await login(legacy, { approve: 'at-once' });
    expect(result).toMatchObject({ session: null, outcome: 'logged_in' });
    const token = JSON.parse(await readFile(home.sessions['old-admin'].cacheFile, 'utf8'));
    expect(token).toMatchObject({ startUrl: legacy.startUrl, refreshToken: expect.any(String) });
  });

  it('fails before asking anyone to approve when the cache folder cannot be written', async () => {
    await writeFile(join(dir, 'not-a-folder'), '');
    const session = { ...sessions.newbie, cacheFile: join(dir, 'not-a-folder', 'cache', 'x.json') };
    const { result, progress } = await login(session, { approve: 'at-once' });
    expect(result.outcome).toBe('failed');
    expect(result.error).toContain('ENOTDIR');
    expect(progress).toEqual([]);
    expect(emulator.calls.registerClient).toBe(0);
  });
});
