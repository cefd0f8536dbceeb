import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSsoHome, startEmulator, type Emulator, type SsoHome } from '@sso-supervisor/emulator';
import { saveEnv } from '@sso-supervisor/emulator/testing';
import { RecordingLogger } from '@sso-supervisor/notifier-api/testing';
import { CredentialsError } from '../errors';
import { fromSupervisor, type FromSupervisorOptions } from './from-supervisor';

describe(fromSupervisor.name, () => {
  let emulator: Emulator;
  let dir: string;
  let home: SsoHome;
  let offsetMs: number;
  const restoreEnv = saveEnv();
  const options = (over: Partial<FromSupervisorOptions> = {}): FromSupervisorOptions => ({
    profile: 'dev',
    env: home.env,
    cwd: dir,
    home: home.home,
    renewBeforeMs: 2000,
    now: () => new Date(Date.now() + offsetMs),
    ...over,
  });

  beforeAll(async () => {
    emulator = await startEmulator({ roleCredentialTtlSeconds: 4 });
    Object.assign(process.env, emulator.env());
  });
  afterAll(async () => {
    restoreEnv();
    await emulator.close();
  });

  beforeEach(async () => {
    offsetMs = 0;
    emulator.resetCalls();
    dir = await mkdtemp(join(tmpdir(), 'from-supervisor-'));
    home = await createSsoHome(emulator, join(dir, 'home'), [
      { name: 'corp', profiles: ['dev'] },
      { name: 'nobody', profiles: ['sandbox'], loggedIn: false },
    ]);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('returns the SDK identity shape and keeps it while more than renewBeforeMs remains', async () => {
    const provider = fromSupervisor(options());
    const first = await provider();
    expect(first).toStrictEqual({
      accessKeyId: expect.stringMatching(/^ASIA/),
      secretAccessKey: expect.any(String),
      sessionToken: expect.any(String),
      expiration: expect.any(Date),
    });
    offsetMs = 1000;
    expect(await provider()).toBe(first);
    expect(emulator.calls.getRoleCredentials).toBe(1);
  });

  it('renews before expiry, from the portal, once less than renewBeforeMs remains', async () => {
    const provider = fromSupervisor(options());
    const first = await provider();
    offsetMs = 2500;
    const second = await provider();
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    expect(second.expiration.getTime()).toBeGreaterThan(first.expiration.getTime());
    expect(emulator.calls.getRoleCredentials).toBe(2);
  });

  it('shares one renewal among concurrent callers', async () => {
    const provider = fromSupervisor(options());
    const all = await Promise.all([provider(), provider(), provider(), provider()]);
    expect(new Set(all.map((c) => c.accessKeyId)).size).toBe(1);
    expect(emulator.calls.getRoleCredentials).toBe(1);
  });

  it('refreshes the SSO token on the way when it is due', async () => {
    await fromSupervisor(options({ thresholdMs: 2 * 3600_000 }))();
    expect(emulator.calls.createToken.refresh_token).toBe(1);
  });

  it('takes the profile from AWS_PROFILE when none is given', async () => {
    const credentials = await fromSupervisor(
      options({ profile: undefined, env: { ...home.env, AWS_PROFILE: 'dev' } }),
    )();
    expect(credentials.accessKeyId).toMatch(/^ASIA/);
  });

  it('keeps handing out working credentials when a renewal fails, and pauses before trying again', async () => {
    const logger = new RecordingLogger();
    const provider = fromSupervisor(options({ logger }));
    const first = await provider();
    const file = home.sessions.corp.cacheFile;
    const token = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...token, accessToken: 'revoked-elsewhere' }));
    offsetMs = 2500;
    expect(await provider()).toBe(first);
    expect(await provider()).toBe(first);
    expect(emulator.calls.getRoleCredentials).toBe(2);
    expect(logger.lines).toMatchObject([
      {
        level: 'warn',
        fields: { profile: 'dev', error: expect.stringContaining('rejected the access token') },
      },
    ]);
    expect(logger.text()).not.toContain(first.secretAccessKey);
    offsetMs = 5000;
    await expect(provider()).rejects.toMatchObject({ failure: { kind: 'login_required' } });
  });

  it.each([
    ['an unknown profile', 'missing', 'config'],
    ['a session nobody logged in to', 'sandbox', 'login_required'],
  ])('throws a CredentialsError for %s', async (_what, profile, kind) => {
    const attempt = fromSupervisor(options({ profile }))();
    await expect(attempt).rejects.toBeInstanceOf(CredentialsError);
    await expect(attempt).rejects.toMatchObject({ failure: { kind }, retryable: false });
  });
});
