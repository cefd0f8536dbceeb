import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { SsoSession } from '../aws-config/discover-sessions';
import { type CachedToken, contentFingerprint, formatCachedToken } from '../cache/cached-token';
import { IncompleteRefreshError, ReauthRequiredError, TransientError } from '../errors';
import { FakeTokenRefresher, type FakeResponse } from '../test-support/fake-token-refresher';
import { permissionsEnforced } from '../test-support/permissions-enforced';
import { sampleSession } from '../test-support/sample-session';
import { SECRET_MARK, sampleToken } from '../test-support/sample-token';
import { type RefreshOptions, type RefreshResult, refreshSession } from './refresh-session';

const NOW = new Date('2026-11-22T09:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const options: RefreshOptions = { thresholdMs: 20 * 60_000, now: () => NOW };
const login = 'aws sso login --sso-session corp';
const corp = { session: 'corp', id: 'corp' };
const fresh = { accessToken: `${SECRET_MARK}-access-new`, expiresIn: 3600 };

let dir: string;
let session: SsoSession;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sso-refresh-'));
  session = sampleSession(dir, 'corp');
});
afterEach(async () => {
  await chmod(dir, 0o700);
  await rm(dir, { recursive: true, force: true });
});

async function put(token: CachedToken, file = session.cacheFile): Promise<string> {
  const raw = formatCachedToken(token);
  await writeFile(file, raw, { mode: 0o600 });
  return raw;
}

/** refreshSession, checking on the way that no secret reached the result. */
async function run(respond: FakeResponse, extra: Partial<RefreshOptions> = {}, target = session) {
  const fake = new FakeTokenRefresher(respond);
  const result: RefreshResult = await refreshSession(target, fake, { ...options, ...extra });
  expect(JSON.stringify(result)).not.toContain(SECRET_MARK);
  return { result, fake };
}

const unreachable: FakeResponse = () => {
  throw new Error('the refresher must not be called');
};

describe(refreshSession.name, () => {
  it('skips a token that is not due, without calling the refresher', async () => {
    const raw = await put(sampleToken(minutes(30)));
    const { result, fake } = await run(unreachable);
    expect(result).toEqual({ ...corp, outcome: 'skipped', expiresAt: '2026-11-22T09:30:00Z' });
    expect(fake.grants).toHaveLength(0);
    expect(await readFile(session.cacheFile, 'utf8')).toBe(raw);
  });

  it('refreshes a due token: new expiry from now, old refresh token and unknown keys kept', async () => {
    const old = sampleToken(minutes(10), { extra: 'kept' });
    await put(old);
    const { result, fake } = await run(() => fresh);
    expect(result).toEqual({ ...corp, outcome: 'refreshed', expiresAt: '2026-11-22T10:00:00Z' });
    expect(fake.grants).toEqual([
      {
        region: 'us-east-1',
        clientId: old.clientId,
        clientSecret: old.clientSecret,
        refreshToken: old.refreshToken,
        loginCommand: login,
      },
    ]);
    expect(await readFile(session.cacheFile, 'utf8')).toBe(
      formatCachedToken({ ...old, accessToken: fresh.accessToken, expiresAt: '2026-11-22T10:00:00Z' }),
    );
    expect(await readdir(dir)).toEqual([basename(session.cacheFile)]);
  });

  it('reads the older expiresAt forms the AWS CLI wrote and writes both timestamps in the current one', async () => {
    const old = sampleToken(minutes(10));
    const raw = formatCachedToken({
      ...old,
      expiresAt: '2026-11-22 09:10:00Z',
      registrationExpiresAt: '2027-01-01T00:00:00UTC',
    });
    await writeFile(session.cacheFile, raw, { mode: 0o600 });
    const { result } = await run(() => fresh);
    expect(result).toEqual({ ...corp, outcome: 'refreshed', expiresAt: '2026-11-22T10:00:00Z' });
    const written = JSON.parse(await readFile(session.cacheFile, 'utf8')) as CachedToken;
    expect(written).toMatchObject({
      expiresAt: '2026-11-22T10:00:00Z',
      registrationExpiresAt: '2027-01-01T00:00:00Z',
    });
  });

  it('stores the refresh token the response carries', async () => {
    await put(sampleToken(minutes(-5)));
    await run(() => ({ ...fresh, refreshToken: `${SECRET_MARK}-refresh-new` }));
    const written = JSON.parse(await readFile(session.cacheFile, 'utf8'));
    expect(written).toMatchObject({
      accessToken: fresh.accessToken,
      refreshToken: `${SECRET_MARK}-refresh-new`,
    });
  });

  it('refreshes a token that is not due when forced', async () => {
    await put(sampleToken(minutes(50)));
    const { result, fake } = await run(() => fresh, { force: true });
    expect(result.outcome).toBe('refreshed');
    expect(fake.grants).toHaveLength(1);
  });

  it.each([
    [
      'there is no refresh token',
      { refreshToken: undefined },
      'no refreshToken in the cache file, so it cannot be refreshed',
    ],
    [
      'there is no client registration',
      { clientId: undefined, clientSecret: undefined },
      'no clientId, clientSecret in the cache file, so it cannot be refreshed',
    ],
    [
      'the registration has expired',
      { registrationExpiresAt: '2026-11-22T08:59:59Z' },
      'the client registration expired at 2026-11-22T08:59:59Z',
    ],
  ])('needs a login, without a network call, when %s', async (_what, overrides, reason) => {
    const raw = await put(sampleToken(minutes(10), overrides));
    const { result, fake } = await run(unreachable);
    expect(result).toEqual({
      ...corp,
      outcome: 'reauth_required',
      error: `${reason}: run ${login}`,
      command: login,
      expiresAt: JSON.parse(raw).expiresAt,
    });
    expect(fake.grants).toHaveLength(0);
    expect(await readFile(session.cacheFile, 'utf8')).toBe(raw);
  });

  it('needs a login when forced on a token that cannot be refreshed', async () => {
    await put(sampleToken(minutes(50), { refreshToken: undefined }));
    const { result, fake } = await run(unreachable, { force: true });
    expect(result.outcome).toBe('reauth_required');
    expect(fake.grants).toHaveLength(0);
  });

  it('maps a ReauthRequiredError from the refresher to reauth_required and leaves the file alone', async () => {
    const raw = await put(sampleToken(minutes(10)));
    const { result } = await run(
      () => {
        throw new ReauthRequiredError(`refresh token rejected (InvalidGrantException): run ${login}`, login);
      },
      { peerWaitMs: 200 },
    );
    expect(result).toEqual({
      ...corp,
      outcome: 'reauth_required',
      error: `refresh token rejected (InvalidGrantException): run ${login}`,
      command: login,
      expiresAt: JSON.parse(raw).expiresAt,
    });
    expect(await readFile(session.cacheFile, 'utf8')).toBe(raw);
    expect(await readdir(dir)).toEqual([basename(session.cacheFile)]);
  });

  it('takes the token a rival refresher wrote after spending the refresh token first, not a login', async () => {
    await put(sampleToken(minutes(10)));
    const rival = sampleToken(minutes(60), { refreshToken: `${SECRET_MARK}-rival-refresh` });
    const { result, fake } = await run(async (_grant, call) => {
      if (call > 1) throw new Error('a token that is not due must not be refreshed');
      // The rival's write lands 2 s after our CreateToken was turned down (its fsync on a slow disk).
      setTimeout(() => void put(rival), 2000);
      throw new ReauthRequiredError(`refresh token rejected (InvalidGrantException): run ${login}`, login);
    });
    expect(result).toEqual({ ...corp, outcome: 'skipped', expiresAt: rival.expiresAt });
    expect(fake.grants).toHaveLength(1);
    expect(await readFile(session.cacheFile, 'utf8')).toBe(formatCachedToken(rival));
  });

  it('waits out a file caught half-written: the login landing a moment later counts, not invalid', async () => {
    await writeFile(session.cacheFile, '');
    const login = sampleToken(minutes(60));
    setTimeout(() => void put(login), 100);
    const { result } = await run(unreachable);
    expect(result).toEqual({ ...corp, outcome: 'skipped', expiresAt: login.expiresAt });
  });

  it('calls a file that is rewritten half-written on every look failed, not invalid', async () => {
    const halves = ['', '{"acc'];
    await writeFile(session.cacheFile, halves[0]);
    let writes = 1;
    const writer = setInterval(() => void writeFile(session.cacheFile, halves[writes++ % 2]), 40);
    try {
      const { result } = await run(unreachable);
      expect(result).toEqual({
        ...corp,
        outcome: 'failed',
        error: `${session.cacheFile}: kept changing while we refreshed; will look again`,
      });
    } finally {
      clearInterval(writer);
    }
  });

  it('writes the answer of a CreateToken already sent when stopped, within the request timeout', async () => {
    await put(sampleToken(minutes(10)));
    const stop = new AbortController();
    const refresher = {
      refresh: (_grant: unknown, signal?: AbortSignal) =>
        new Promise<typeof fresh>((resolve, reject) => {
          const answer = setTimeout(() => resolve(fresh), 300);
          signal?.addEventListener('abort', () => {
            clearTimeout(answer);
            reject(new TransientError('refresh failed (AbortError)'));
          });
          // The stop comes while the request is on the wire.
          setTimeout(() => stop.abort(), 50);
        }),
      destroy: () => undefined,
    };
    const retry = { attempts: 1, baseDelay: 1, maxDelay: 1, timeout: 5000 };
    const result = await refreshSession(session, refresher, { ...options, retry, signal: stop.signal });
    expect(result.outcome).toBe('refreshed');
    expect(JSON.parse(await readFile(session.cacheFile, 'utf8')).accessToken).toBe(fresh.accessToken);
  });

  it('cuts off a CreateToken that outlives its request timeout after a stop, leaving no temp file', async () => {
    const raw = await put(sampleToken(minutes(10)));
    const stop = new AbortController();
    const refresher = {
      refresh: (_grant: unknown, signal?: AbortSignal) =>
        new Promise<typeof fresh>((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(new TransientError('refresh failed (AbortError)')));
          setTimeout(() => stop.abort(), 20);
        }),
      destroy: () => undefined,
    };
    const retry = { attempts: 1, baseDelay: 1, maxDelay: 1, timeout: 100 };
    const result = await refreshSession(session, refresher, { ...options, retry, signal: stop.signal });
    expect(result).toMatchObject({ outcome: 'failed', error: 'refresh failed (AbortError)' });
    expect(await readFile(session.cacheFile, 'utf8')).toBe(raw);
    expect(await readdir(dir)).toEqual([basename(session.cacheFile)]);
  });

  it('sends no CreateToken once stopped', async () => {
    await put(sampleToken(minutes(10)));
    const stop = new AbortController();
    stop.abort();
    const signals: boolean[] = [];
    const refresher = {
      refresh: async (_grant: unknown, signal?: AbortSignal) => {
        signals.push(signal?.aborted ?? false);
        throw new TransientError('refresh failed (AbortError)');
      },
      destroy: () => undefined,
    };
    await refreshSession(session, refresher, { ...options, signal: stop.signal });
    expect(signals).toEqual([true]);
  });

  it('maps a TransientError to failed and leaves no temp file', async () => {
    const raw = await put(sampleToken(minutes(10)));
    const { result } = await run(() => {
      throw new TransientError('refresh failed (HTTP 503 InternalServerException)');
    });
    expect(result).toEqual({
      ...corp,
      outcome: 'failed',
      error: 'refresh failed (HTTP 503 InternalServerException)',
      expiresAt: '2026-11-22T09:10:00Z',
    });
    expect(await readFile(session.cacheFile, 'utf8')).toBe(raw);
    expect(await readdir(dir)).toEqual([basename(session.cacheFile)]);
  });

  it('keeps the new refresh token of an answer without an access token, and the old access token', async () => {
    const old = sampleToken(minutes(10));
    await put(old);
    const { result } = await run(() => {
      throw new IncompleteRefreshError(
        'refresh failed: the response had no accessToken or expiresIn',
        'rotated',
      );
    });
    expect(result).toMatchObject({ ...corp, outcome: 'failed', expiresAt: '2026-11-22T09:10:00Z' });
    expect(await readFile(session.cacheFile, 'utf8')).toBe(
      formatCachedToken({ ...old, refreshToken: 'rotated' }),
    );
    expect(await readdir(dir)).toEqual([basename(session.cacheFile)]);
  });

  it('hands the retry settings to the refresher', async () => {
    await put(sampleToken(minutes(10)));
    const retry = { attempts: 2, baseDelay: 10, maxDelay: 20, timeout: 30 };
    const { fake } = await run(() => fresh, { retry });
    expect(fake.retries).toEqual([retry]);
  });

  it('maps anything else thrown to failed', async () => {
    await put(sampleToken(minutes(10)));
    const { result } = await run(() => {
      throw new Error('boom');
    });
    expect(result).toMatchObject({ outcome: 'failed', error: 'refresh failed: Error: boom' });
  });

  it('does not call the refresher when it could not write the result', async () => {
    let target = session;
    let code = 'EACCES';
    if (await permissionsEnforced(dir)) {
      await put(sampleToken(minutes(10)));
      await chmod(dir, 0o500);
    } else {
      // Root writes anywhere; a name with no room for the temp file's suffix still refuses the temp file.
      target = { ...session, cacheFile: join(dir, `${'x'.repeat(245)}.json`) };
      code = 'ENAMETOOLONG';
      await put(sampleToken(minutes(10)), target.cacheFile);
    }
    const { result, fake } = await run(unreachable, {}, target);
    expect(fake.grants).toHaveLength(0);
    expect(result).toEqual({
      ...corp,
      outcome: 'failed',
      error: `${target.cacheFile}: cannot be written (${code}); the old token is left as it was`,
      expiresAt: '2026-11-22T09:10:00Z',
    });
  });

  it('lets a token written during the refresh win and reports skipped', async () => {
    await put(sampleToken(minutes(10)));
    const newer = formatCachedToken(sampleToken(minutes(480), { accessToken: `${SECRET_MARK}-login` }));
    const { result, fake } = await run(async () => {
      await writeFile(session.cacheFile, newer);
      return fresh;
    });
    expect(result).toEqual({ ...corp, outcome: 'skipped', expiresAt: '2026-11-22T17:00:00Z' });
    expect(fake.grants).toHaveLength(1);
    expect(await readFile(session.cacheFile, 'utf8')).toBe(newer);
    expect(await readdir(dir)).toEqual([basename(session.cacheFile)]);
  });

  it('gives up as failed when the file keeps changing under every attempt', async () => {
    await put(sampleToken(minutes(10)));
    const { result, fake } = await run(async (_grant, call) => {
      await put(sampleToken(minutes(10), { accessToken: `${SECRET_MARK}-other-${call}` }));
      return fresh;
    });
    expect(fake.grants).toHaveLength(3);
    expect(result).toEqual({
      ...corp,
      outcome: 'failed',
      error: `${session.cacheFile}: kept changing while we refreshed; will look again`,
    });
    expect(JSON.parse(await readFile(session.cacheFile, 'utf8')).accessToken).toBe(`${SECRET_MARK}-other-3`);
  });

  it('needs a login when there is no cache file', async () => {
    const { result } = await run(unreachable);
    expect(result).toEqual({
      ...corp,
      outcome: 'reauth_required',
      error: `no cached token at ${session.cacheFile}: run ${login}`,
      command: login,
    });
  });

  it('reports an invalid cache file and leaves it as it is', async () => {
    await writeFile(session.cacheFile, '{"accessToken": "a"');
    const { result } = await run(unreachable);
    expect(result).toEqual({
      ...corp,
      outcome: 'invalid',
      error: `${session.cacheFile}: is not valid JSON (truncated or corrupt)`,
    });
    expect(await readFile(session.cacheFile, 'utf8')).toBe('{"accessToken": "a"');
  });
});

describe('the cache view of a result', () => {
  it('says what the pass decided on and what it wrote, and stays out of JSON', async () => {
    const old = sampleToken(minutes(10), { registrationExpiresAt: '2026-12-01T00:00:00Z' });
    const raw = await put(old);
    const { result } = await run(() => fresh);
    expect(result.outcome).toBe('refreshed');
    const written = await readFile(session.cacheFile, 'utf8');
    expect(result.cache).toEqual({
      decidedOn: contentFingerprint(raw),
      left: contentFingerprint(written),
      registrationExpiresAt: '2026-12-01T00:00:00Z',
    });
    expect(Object.keys(result)).not.toContain('cache');
    expect(JSON.stringify(result)).not.toContain('decidedOn');
  });

  it('leaves what it decided on when it writes nothing; null when there is no file', async () => {
    const raw = await put(sampleToken(minutes(30)));
    const skipped = (await run(unreachable)).result;
    expect(skipped.cache).toMatchObject({
      decidedOn: contentFingerprint(raw),
      left: contentFingerprint(raw),
    });
    await rm(session.cacheFile);
    const missing = (await run(unreachable)).result;
    expect(missing.cache).toEqual({ decidedOn: null, left: null });
  });
});
