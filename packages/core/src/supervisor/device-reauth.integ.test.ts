import { readdir, readFile } from 'node:fs/promises';
import {
  writeCachedLogin,
  type Emulator,
  type EmulatorOptions,
  type SsoHome,
} from '@sso-supervisor/emulator';
import { createWorld, saveEnv, type World } from '@sso-supervisor/emulator/testing';
import { type SsoSession, loadSessions } from '../aws-config/discover-sessions';
import { defaultConfig } from '../config/supervisor-config';
import { createOidcRefresher, type TokenRefresher } from '../engine/oidc-refresher';
import { SessionRefresher } from '../engine/session-refresher';
import type { SupervisorEvent } from '../events/supervisor-event';
import { abortableSleep } from '../login/login-types';
import { deviceLogin } from '../login/device-login';
import { RecordingLogger } from '@sso-supervisor/notifier-api/testing';
import { DeviceReauth } from './device-reauth';
import { SessionWorker } from './session-worker';
import type { WorkerState } from './worker-state';

const HOUR = 3_600_000;
const settings = {
  ...defaultConfig().defaults,
  schedule: '0 0 1 1 *',
  retry: { attempts: 1, baseDelay: 10, maxDelay: 10 },
  timeout: 2000,
};

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** `reauth.mode: device-code` through a SessionWorker, the real SDK and the emulator; polls every 20 ms. */
describe(DeviceReauth.name, () => {
  let emulator: Emulator;
  let world: World;
  let home: SsoHome;
  let session: SsoSession;
  let refresher: TokenRefresher;
  let now: Date;
  let events: SupervisorEvent[];
  let states: WorkerState[];
  let logger: RecordingLogger;
  let worker: SessionWorker | undefined;
  const restoreEnv = saveEnv();

  async function setUp(options: EmulatorOptions = {}) {
    world = await createWorld({
      prefix: 'device-reauth-',
      emulator: options,
      sessions: [{ name: 'corp', profiles: ['dev'], accessTokenTtlSeconds: 300 }],
    });
    ({ emulator, home } = world);
    Object.assign(process.env, home.env);
    session = (await loadSessions(home.configFile, home.cacheDir)).sessions[0];
    refresher = createOidcRefresher();
    now = new Date();
    events = [];
    states = [];
    logger = new RecordingLogger();
  }

  afterEach(async () => {
    worker?.stop();
    await worker?.drain(1000);
    worker = undefined;
    refresher.destroy();
    restoreEnv();
    const text = JSON.stringify({ events, states }) + logger.text();
    expect(emulator.issuedSecrets().filter((s) => text.includes(s))).toEqual([]);
    await world.close();
  });

  function startWorker(mode: 'notify' | 'device-code' = 'device-code'): SessionWorker {
    worker = new SessionWorker(
      { session, settings },
      {
        refresher: new SessionRefresher(refresher),
        publish: (event) => events.push(event),
        logger,
        clock: { now: () => now },
        onState: (_id, state) => states.push(state),
        reauth: () => ({ mode, backoffMs: HOUR }),
        deviceLogin: (s, options) =>
          deviceLogin(s, { ...options, sleep: (_ms, signal) => abortableSleep(20, signal) }),
      },
    );
    worker.start();
    return worker;
  }

  const types = () => events.map((e) => e.type);
  const pendingEvent = () => events.find((e) => e.type === 'login.pending');
  const logged = (message: string) => logger.lines.filter((l) => l.message === message).length;
  const tempFiles = async () => (await readdir(home.cacheDir)).filter((f) => !f.endsWith('.json'));

  it('starts one device login for a dead session, then writes the approved login and tells session.restored', async () => {
    await setUp();
    const w = startWorker();
    emulator.revokeAllRefreshTokens();
    await w.check();
    await until(() => pendingEvent() !== undefined, 'login.pending');
    await w.check();
    await w.check();
    expect(emulator.calls.startDeviceAuthorization).toBe(1);
    expect(emulator.pendingDeviceAuthorizations()).toHaveLength(1);
    const [{ userCode }] = emulator.pendingDeviceAuthorizations();
    expect(pendingEvent()).toMatchObject({
      severity: 'warning',
      session: 'corp',
      profiles: ['dev'],
      verificationUri: `${emulator.url}/device?user_code=${userCode}`,
      userCode,
    });
    expect(pendingEvent()!.message).not.toContain(userCode);
    emulator.approveDevice(userCode);
    await until(() => types().includes('session.restored'), 'session.restored');
    expect(types()).toEqual(['session.reauth_required', 'login.pending', 'session.restored']);
    const token = JSON.parse(await readFile(session.cacheFile, 'utf8'));
    expect(events.at(-1)!.expiresAt).toBe(token.expiresAt);
    expect(emulator.calls.registerClient).toBe(0);
    expect(w.held).toBe(false);
    expect(logged('device login approved; cache file written')).toBe(1);
    expect(logged('device login abandoned: a new login appeared in the cache file')).toBe(0);
  });

  it('starts no other login within the back-off after one expired, but does after it', async () => {
    await setUp({ deviceCodeTtlSeconds: 1 });
    const w = startWorker();
    emulator.revokeAllRefreshTokens();
    await w.check();
    await until(() => logged('device login ended without a token; no new one before') === 1, 'the expiry');
    const expiredAt = now.getTime();
    for (const minutes of [1, 30, 59]) {
      now = new Date(expiredAt + 60_000 * minutes);
      await w.check();
    }
    expect(logged('device login started')).toBe(1);
    expect(emulator.calls.startDeviceAuthorization).toBe(1);
    expect(events.filter((e) => e.type === 'login.pending')).toHaveLength(1);
    now = new Date(expiredAt + 61 * 60_000);
    await w.check();
    expect(logged('device login started')).toBe(2);
    await until(() => emulator.calls.startDeviceAuthorization === 2, 'a second authorization');
    await until(
      () => logged('device login ended without a token; no new one before') === 2,
      'the second expiry',
    );
  });

  it('a login of the person`s own ends the back-off at once', async () => {
    await setUp({ deviceCodeTtlSeconds: 1 });
    const w = startWorker();
    emulator.revokeAllRefreshTokens();
    await w.check();
    await until(() => logged('device login ended without a token; no new one before') === 1, 'the expiry');
    // A login that still needs another: no refresh token, and due.
    const login = emulator.seedLogin({
      startUrl: session.startUrl,
      region: 'us-east-1',
      withRefreshToken: false,
      accessTokenTtlSeconds: 60,
    });
    await writeCachedLogin(session.cacheFile, login);
    await w.check();
    await until(() => emulator.calls.startDeviceAuthorization === 2, 'a second authorization');
    expect(logged('device login started')).toBe(2);
  });

  it('abandons the pending authorization when the person logs in with aws sso login meanwhile', async () => {
    await setUp();
    const w = startWorker();
    emulator.revokeAllRefreshTokens();
    await w.check();
    await until(() => pendingEvent() !== undefined, 'login.pending');
    const login = emulator.seedLogin({ startUrl: session.startUrl, region: 'us-east-1' });
    await writeCachedLogin(session.cacheFile, login);
    const theirs = await readFile(session.cacheFile, 'utf8');
    await w.check();
    await until(() => logged('device login ended without writing') === 1, 'the abandoned login');
    expect(logged('device login abandoned: a new login appeared in the cache file')).toBe(1);
    expect(types()).toEqual(['session.reauth_required', 'login.pending', 'session.restored']);
    expect(await readFile(session.cacheFile, 'utf8')).toBe(theirs);
    expect(await tempFiles()).toEqual([]);
  });

  it('stop aborts the polling and writes nothing', async () => {
    await setUp();
    const w = startWorker();
    const before = await readFile(session.cacheFile, 'utf8');
    emulator.revokeAllRefreshTokens();
    await w.check();
    await until(() => pendingEvent() !== undefined, 'login.pending');
    w.stop();
    await w.drain(1000);
    expect(logged('device login ended without writing')).toBe(1);
    expect(await readFile(session.cacheFile, 'utf8')).toBe(before);
    expect(await tempFiles()).toEqual([]);
  });

  it('notify mode tells session.reauth_required and starts no login', async () => {
    await setUp();
    const w = startWorker('notify');
    emulator.revokeAllRefreshTokens();
    await w.check();
    await w.check();
    expect(types()).toEqual(['session.reauth_required']);
    expect(events[0].command).toBe('aws sso login --sso-session corp');
    expect(emulator.calls.startDeviceAuthorization).toBe(0);
  });
});
