import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSsoHome, startEmulator, type Emulator, type SsoHome } from '@sso-supervisor/emulator';
import { saveEnv } from '@sso-supervisor/emulator/testing';
import { loadSessions, type SsoSession } from '../aws-config/discover-sessions';
import { writeCachedToken } from '../cache/write-cached-token';
import { ReauthRequiredError } from '../errors';
import type { TokenRefresher } from '../engine/oidc-refresher';
import { SessionRefresher } from '../engine/session-refresher';
import { obtainSessionToken } from './obtain-session-token';

const THRESHOLD = 20 * 60_000;
const FAST_RETRY = { attempts: 1, baseDelay: 10, maxDelay: 10, timeout: 2000 };
const inTwoHours = () => new Date(Date.now() + 2 * 3600_000);

describe(obtainSessionToken.name, () => {
  let emulator: Emulator;
  let dir: string;
  let home: SsoHome;
  let sessions: Record<string, SsoSession>;
  const restoreEnv = saveEnv();

  beforeAll(async () => {
    emulator = await startEmulator();
    Object.assign(process.env, emulator.env());
  });
  afterAll(async () => {
    restoreEnv();
    await emulator.close();
  });

  beforeEach(async () => {
    emulator.resetCalls();
    dir = await mkdtemp(join(tmpdir(), 'session-token-'));
    home = await createSsoHome(emulator, join(dir, 'home'), [
      { name: 'fresh', profiles: ['a'] },
      { name: 'due', profiles: ['b'], accessTokenTtlSeconds: 300 },
      { name: 'nobody', profiles: ['c'], loggedIn: false },
    ]);
    const loaded = await loadSessions(home.configFile, home.cacheDir);
    sessions = Object.fromEntries(loaded.sessions.map((s) => [s.name!, s]));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('hands out a token with time to spare without refreshing it', async () => {
    const outcome = await obtainSessionToken(sessions.fresh, { thresholdMs: THRESHOLD });
    expect(outcome).toStrictEqual({
      ok: true,
      accessToken: home.sessions.fresh.login!.accessToken,
      expiresAt: expect.any(String),
      refreshed: false,
    });
    expect(emulator.calls.createToken.refresh_token).toBe(0);
  });

  it('refreshes a due token through the engine first and hands out the new one', async () => {
    const outcome = await obtainSessionToken(sessions.due, { thresholdMs: THRESHOLD });
    const written = JSON.parse(await readFile(sessions.due.cacheFile, 'utf8'));
    expect(outcome).toMatchObject({ ok: true, refreshed: true, accessToken: written.accessToken });
    expect(written.accessToken).not.toBe(home.sessions.due.login!.accessToken);
    expect(emulator.calls.createToken.refresh_token).toBe(1);
  });

  it('names the login command when nobody logged in', async () => {
    expect(await obtainSessionToken(sessions.nobody, { thresholdMs: THRESHOLD })).toStrictEqual({
      ok: false,
      failure: {
        kind: 'login_required',
        message: `no cached SSO token for nobody at ${sessions.nobody.cacheFile}: run aws sso login --sso-session nobody`,
        command: 'aws sso login --sso-session nobody',
      },
    });
  });

  it('reports a corrupt cache file as invalid_cache', async () => {
    await writeFile(sessions.fresh.cacheFile, '{"accessToken": "x", "expiresAt');
    const outcome = await obtainSessionToken(sessions.fresh, { thresholdMs: THRESHOLD });
    expect(outcome).toMatchObject({
      ok: false,
      failure: { kind: 'invalid_cache', message: expect.stringContaining('is not valid JSON') },
    });
  });

  it('still hands out a working token when its refresh token is dead, with a warning', async () => {
    emulator.revokeRefreshToken(home.sessions.due.login!.refreshToken!);
    const outcome = await obtainSessionToken(sessions.due, { thresholdMs: THRESHOLD });
    expect(outcome).toMatchObject({
      ok: true,
      refreshed: false,
      accessToken: home.sessions.due.login!.accessToken,
      warning: expect.stringContaining('refresh token rejected (InvalidGrantException)'),
    });
  });

  it('needs a login when the token has expired and its refresh token is dead', async () => {
    emulator.revokeRefreshToken(home.sessions.fresh.login!.refreshToken!);
    const outcome = await obtainSessionToken(sessions.fresh, { thresholdMs: THRESHOLD, now: inTwoHours });
    expect(outcome).toMatchObject({
      ok: false,
      failure: {
        kind: 'login_required',
        command: 'aws sso login --sso-session fresh',
        message: expect.stringContaining('InvalidGrantException'),
      },
    });
  });

  it('is unavailable when an expired token cannot be refreshed for a transient reason', async () => {
    emulator.injectFault('createToken', { kind: 'status', status: 500 });
    const outcome = await obtainSessionToken(sessions.fresh, {
      thresholdMs: THRESHOLD,
      retry: FAST_RETRY,
      now: inTwoHours,
    });
    expect(outcome).toMatchObject({
      ok: false,
      failure: { kind: 'unavailable', message: expect.stringContaining('HTTP 500') },
    });
  });

  it('uses the token another process wrote while its own refresh lost the race', async () => {
    const current = JSON.parse(await readFile(sessions.due.cacheFile, 'utf8'));
    const winner = {
      ...current,
      accessToken: 'written-by-another-process',
      expiresAt: '2099-01-01T00:00:00Z',
    };
    const loser: TokenRefresher = {
      async refresh(grant) {
        await writeCachedToken(sessions.due.cacheFile, winner, JSON.stringify(current));
        throw new ReauthRequiredError('refresh token rejected (InvalidGrantException)', grant.loginCommand);
      },
      destroy() {},
    };
    await writeFile(sessions.due.cacheFile, JSON.stringify(current));
    const outcome = await obtainSessionToken(sessions.due, {
      thresholdMs: THRESHOLD,
      refresher: new SessionRefresher(loser),
    });
    expect(outcome).toStrictEqual({
      ok: true,
      accessToken: 'written-by-another-process',
      expiresAt: '2099-01-01T00:00:00Z',
      refreshed: false,
    });
  });
});
