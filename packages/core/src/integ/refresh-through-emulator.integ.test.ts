import { readFile } from 'node:fs/promises';
import type { Emulator, SsoHome } from '@sso-supervisor/emulator';
import { createWorld, saveEnv, type World } from '@sso-supervisor/emulator/testing';
import { type SsoSession, loadSessions } from '../aws-config/discover-sessions';
import { createOidcRefresher, type TokenRefresher } from '../engine/oidc-refresher';
import { refreshSession } from '../engine/refresh-session';
import { SessionRefresher } from '../engine/session-refresher';

const FAST = { attempts: 3, baseDelay: 10, maxDelay: 50, timeout: 400 };
const DUE = { thresholdMs: 20 * 60_000, retry: FAST };

/** The engine against the emulator through the real @aws-sdk/client-sso-oidc client. */
describe(refreshSession.name, () => {
  let emulator: Emulator;
  let world: World;
  let home: SsoHome;
  let session: SsoSession;
  let refresher: TokenRefresher;
  const restoreEnv = saveEnv();

  beforeEach(async () => {
    world = await createWorld({
      prefix: 'engine-',
      sessions: [{ name: 'corp', profiles: ['dev', 'prod'], accessTokenTtlSeconds: 300 }],
    });
    ({ emulator, home } = world);
    Object.assign(process.env, home.env);
    session = (await loadSessions(home.configFile, home.cacheDir)).sessions[0];
    refresher = createOidcRefresher(FAST);
  });

  afterEach(async () => {
    refresher.destroy();
    restoreEnv();
    await world.close();
  });

  const cached = async () => JSON.parse(await readFile(session.cacheFile, 'utf8'));

  it('refreshes a due token once and keeps the rotated refresh token', async () => {
    const before = await cached();
    const result = await refreshSession(session, refresher, DUE);
    const after = await cached();
    expect(result).toMatchObject({ session: 'corp', outcome: 'refreshed', expiresAt: after.expiresAt });
    expect(emulator.calls.createToken.refresh_token).toBe(1);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.clientSecret).toBe(before.clientSecret);
    expect(after.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('skips a token that is not due, with no call', async () => {
    const result = await refreshSession(session, refresher, { thresholdMs: 60_000 });
    expect(result.outcome).toBe('skipped');
    expect(emulator.calls.createToken.refresh_token).toBe(0);
  });

  it('a revoked refresh token is reauth_required with the login command, file untouched', async () => {
    const before = await readFile(session.cacheFile, 'utf8');
    emulator.revokeAllRefreshTokens();
    const result = await refreshSession(session, refresher, DUE);
    expect(result.outcome).toBe('reauth_required');
    expect(result.error).toContain('InvalidGrantException');
    expect(result.command).toBe('aws sso login --sso-session corp');
    expect(await readFile(session.cacheFile, 'utf8')).toBe(before);
  });

  it('an expired registration is reauth_required', async () => {
    emulator.expireRegistration((await cached()).clientId);
    expect((await refreshSession(session, refresher, DUE)).outcome).toBe('reauth_required');
  });

  it.each([
    ['a 500', { kind: 'status', status: 500 }],
    ['a 429', { kind: 'status', status: 429, retryAfterSeconds: 0 }],
    ['a connection reset', { kind: 'reset' }],
    ['a slow answer', { kind: 'timeout', delayMs: 2000 }],
  ] as const)('retries %s and then refreshes', async (_what, fault) => {
    emulator.injectFault('createToken', fault, 2);
    const result = await refreshSession(session, refresher, DUE);
    expect(result.outcome).toBe('refreshed');
    expect(emulator.calls.createToken.refresh_token).toBe(3);
  });

  it('gives up as failed after the attempts, leaving the file as it was', async () => {
    const before = await readFile(session.cacheFile, 'utf8');
    emulator.injectFault('createToken', { kind: 'status', status: 503 }, 3);
    const result = await refreshSession(session, refresher, DUE);
    expect(result.outcome).toBe('failed');
    expect(result.error).toMatch(/503/);
    expect(await readFile(session.cacheFile, 'utf8')).toBe(before);
  });

  it.each([
    ['malformed JSON', { kind: 'malformed' }],
    ['an empty body', { kind: 'empty' }],
  ] as const)('a response with %s is failed, and the file stays valid', async (_what, fault) => {
    const before = await readFile(session.cacheFile, 'utf8');
    emulator.injectFault('createToken', fault, 3);
    const result = await refreshSession(session, refresher, DUE);
    expect(result.outcome).toBe('failed');
    expect(await readFile(session.cacheFile, 'utf8')).toBe(before);
  });

  it.each([
    ['no accessToken', { kind: 'missing-field', field: 'accessToken' }],
    ['no expiresIn', { kind: 'missing-field', field: 'expiresIn' }],
  ] as const)(
    'a response with %s is failed; the rotated refresh token it carried is kept',
    async (_what, fault) => {
      const before = await cached();
      emulator.injectFault('createToken', fault);
      const result = await refreshSession(session, refresher, DUE);
      expect(result.outcome).toBe('failed');
      const after = await cached();
      expect(after).toEqual({ ...before, refreshToken: after.refreshToken });
      expect(after.refreshToken).not.toBe(before.refreshToken);
      expect((await refreshSession(session, refresher, DUE)).outcome).toBe('refreshed');
    },
  );

  it('two concurrent refreshes of one session make one CreateToken call', async () => {
    emulator.setLatency(50);
    const engine = new SessionRefresher(refresher);
    const [a, b] = await Promise.all([engine.refresh(session, DUE), engine.refresh(session, DUE)]);
    expect(a).toBe(b);
    expect(emulator.calls.createToken.refresh_token).toBe(1);
  });
});
