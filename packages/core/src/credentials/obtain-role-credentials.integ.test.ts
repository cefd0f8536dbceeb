import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSsoHome, startEmulator, type Emulator, type SsoHome } from '@sso-supervisor/emulator';
import { saveEnv } from '@sso-supervisor/emulator/testing';
import { defaultConfig } from '../config/supervisor-config';
import { buildSetup, type Setup } from '../setup/load-setup';
import { obtainRoleCredentials, type RoleCredentialsOptions } from './obtain-role-credentials';
import { resolveSsoProfile, type SsoProfile } from './resolve-session';
import { roleCacheFile } from './role-cache';

const FAST = {
  ...defaultConfig().defaults,
  retry: { attempts: 1, baseDelay: 10, maxDelay: 10 },
  timeout: 2000,
};

describe(obtainRoleCredentials.name, () => {
  let emulator: Emulator;
  let dir: string;
  let home: SsoHome;
  let setup: Setup;
  let options: RoleCredentialsOptions;
  const restoreEnv = saveEnv();
  const profile = (name: string): SsoProfile => {
    const found = resolveSsoProfile(setup, name);
    if (!('profile' in found)) throw new Error(found.failure.message);
    return found.profile;
  };

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
    dir = await mkdtemp(join(tmpdir(), 'role-creds-'));
    home = await createSsoHome(emulator, join(dir, 'home'), [
      { name: 'corp', profiles: ['dev', 'prod', 'ops'] },
      { name: 'nobody', profiles: ['sandbox'], loggedIn: false },
    ]);
    const stateDir = join(dir, 'state');
    setup = await buildSetup(defaultConfig(), {
      awsConfigFile: home.configFile,
      cacheDir: home.cacheDir,
      stateDir,
    });
    options = { stateDir, settings: FAST };
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('asks the portal on a miss and caches the result 0600, without any SSO token in the file', async () => {
    const outcome = await obtainRoleCredentials(profile('dev'), options);
    expect(outcome).toMatchObject({ ok: true, source: 'portal' });
    expect(emulator.calls.getRoleCredentials).toBe(1);
    const file = roleCacheFile(options.stateDir, profile('dev'));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const content = await readFile(file, 'utf8');
    const { credentials } = outcome as { credentials: { secretAccessKey: string; sessionToken: string } };
    const ssoSecrets = emulator
      .issuedSecrets()
      .filter((s) => s !== credentials.secretAccessKey && s !== credentials.sessionToken);
    expect(ssoSecrets.filter((s) => content.includes(s))).toStrictEqual([]);
    expect(content).toContain(credentials.sessionToken);
  });

  it('reuses cached credentials while more than the margin remains, without a portal call', async () => {
    const first = await obtainRoleCredentials(profile('dev'), options);
    const second = await obtainRoleCredentials(profile('dev'), options);
    expect(second).toStrictEqual({ ...first, source: 'cache' });
    expect(emulator.calls.getRoleCredentials).toBe(1);
  });

  it('asks again once less than the margin remains', async () => {
    await obtainRoleCredentials(profile('dev'), options);
    const outcome = await obtainRoleCredentials(profile('dev'), { ...options, minRemainingMs: 3600_000 });
    expect(outcome).toMatchObject({ ok: true, source: 'portal' });
    expect(emulator.calls.getRoleCredentials).toBe(2);
  });

  it('with the cache off, neither reads nor writes it', async () => {
    await obtainRoleCredentials(profile('dev'), options);
    const outcome = await obtainRoleCredentials(profile('prod'), { ...options, cache: false });
    expect(outcome).toMatchObject({ ok: true, source: 'portal' });
    expect(emulator.calls.getRoleCredentials).toBe(2);
    expect(await readdir(join(options.stateDir, 'role-credentials'))).toHaveLength(1);
  });

  it('names account and role when the portal refuses them', async () => {
    // A denial lasts as long as the emulator, so it gets a profile no other test uses.
    const ops = profile('ops');
    emulator.denyRole(ops.accountId, ops.roleName);
    expect(await obtainRoleCredentials(ops, options)).toMatchObject({
      ok: false,
      failure: {
        kind: 'forbidden',
        message: expect.stringContaining(`role Developer in account ${ops.accountId} is not assigned to you`),
      },
    });
  });

  it('needs a login when the portal rejects a token that looks valid', async () => {
    const file = home.sessions.corp.cacheFile;
    const token = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...token, accessToken: 'revoked-elsewhere' }));
    expect(await obtainRoleCredentials(profile('dev'), options)).toMatchObject({
      ok: false,
      failure: { kind: 'login_required', command: 'aws sso login --sso-session corp' },
    });
  });

  it('is throttled when the portal keeps answering 429', async () => {
    emulator.injectFault('getRoleCredentials', { kind: 'status', status: 429 });
    expect(await obtainRoleCredentials(profile('dev'), options)).toMatchObject({
      ok: false,
      failure: { kind: 'throttled' },
    });
  });

  it('needs a login, without calling the portal, when there is no SSO token', async () => {
    expect(await obtainRoleCredentials(profile('sandbox'), options)).toMatchObject({
      ok: false,
      failure: { kind: 'login_required', command: 'aws sso login --sso-session nobody' },
    });
    expect(emulator.calls.getRoleCredentials).toBe(0);
  });

  it('still returns the credentials, with a warning, when they cannot be cached', async () => {
    await writeFile(options.stateDir, 'a file where the state dir should be');
    const outcome = await obtainRoleCredentials(profile('dev'), options);
    expect(outcome).toMatchObject({
      ok: true,
      source: 'portal',
      warning: expect.stringContaining('cannot cache role credentials'),
    });
  });
});
