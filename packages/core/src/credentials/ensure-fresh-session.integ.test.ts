import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSsoHome, startEmulator, type Emulator, type SsoHome } from '@sso-supervisor/emulator';
import { saveEnv } from '@sso-supervisor/emulator/testing';
import { CredentialsError } from '../errors';
import { ensureFreshSession } from './ensure-fresh-session';

describe(ensureFreshSession.name, () => {
  let emulator: Emulator;
  let dir: string;
  let home: SsoHome;
  const restoreEnv = saveEnv();
  const where = () => ({ env: home.env, cwd: dir, home: home.home });

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
    dir = await mkdtemp(join(tmpdir(), 'ensure-fresh-'));
    home = await createSsoHome(emulator, join(dir, 'home'), [
      { name: 'corp', profiles: ['dev'], accessTokenTtlSeconds: 300 },
      { name: 'fresh', profiles: ['prod'] },
    ]);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('refreshes a due session, named by sso-session, and says where it stands without the token', async () => {
    const fresh = await ensureFreshSession({ ...where(), session: 'corp' });
    expect(fresh).toStrictEqual({
      session: 'corp',
      profiles: ['dev'],
      expiresAt: JSON.parse(await readFile(home.sessions.corp.cacheFile, 'utf8')).expiresAt,
      secondsLeft: expect.any(Number),
      refreshed: true,
    });
    expect(fresh.secondsLeft).toBeGreaterThan(3000);
    expect(JSON.stringify(fresh)).not.toContain(home.sessions.corp.login!.accessToken);
  });

  it('leaves a session with time to spare alone, named by profile', async () => {
    expect(await ensureFreshSession({ ...where(), session: 'prod' })).toMatchObject({
      session: 'fresh',
      refreshed: false,
    });
    expect(emulator.calls.createToken.refresh_token).toBe(0);
  });

  it('uses the threshold from supervisor.yaml', async () => {
    await writeFile(join(dir, 'supervisor.yaml'), 'version: 1\ndefaults:\n  threshold: 2h\n');
    const config = join(dir, 'supervisor.yaml');
    expect(await ensureFreshSession({ ...where(), config, session: 'fresh' })).toMatchObject({
      refreshed: true,
    });
  });

  it('throws a config CredentialsError naming the known sessions for an unknown name', async () => {
    await expect(ensureFreshSession({ ...where(), session: 'nope' })).rejects.toThrow(
      `no SSO session or profile "nope" in ${home.configFile} (sessions: corp, fresh)`,
    );
  });

  it('throws a config CredentialsError when supervisor.yaml is broken', async () => {
    await writeFile(join(dir, 'supervisor.yaml'), 'version: 7\n');
    const attempt = ensureFreshSession({ ...where(), config: join(dir, 'supervisor.yaml'), session: 'corp' });
    await expect(attempt).rejects.toBeInstanceOf(CredentialsError);
    await expect(attempt).rejects.toMatchObject({ failure: { kind: 'config' } });
  });

  it('ignores a supervisor.yaml in the working folder, and a notifier part it cannot fill', async () => {
    // Read from the working folder this file would fail every call; named, its notifier part is skipped.
    const text = 'version: 1\nnotifiers:\n  - { name: t, type: slack, webhookUrl: "${UNSET_WEBHOOK}" }\n';
    await writeFile(join(dir, 'supervisor.yaml'), 'version: 7\n');
    await writeFile(join(dir, 'named.yaml'), text);
    await expect(ensureFreshSession({ ...where(), session: 'corp' })).resolves.toMatchObject({
      session: 'corp',
    });
    const config = join(dir, 'named.yaml');
    await expect(ensureFreshSession({ ...where(), config, session: 'corp' })).resolves.toMatchObject({
      session: 'corp',
    });
  });

  it('throws login_required when the refresh token is dead and the token is used up', async () => {
    emulator.revokeRefreshToken(home.sessions.corp.login!.refreshToken!);
    const later = () => new Date(Date.now() + 3600_000);
    await expect(ensureFreshSession({ ...where(), session: 'corp', now: later })).rejects.toMatchObject({
      failure: { kind: 'login_required', command: 'aws sso login --sso-session corp' },
    });
  });
});
