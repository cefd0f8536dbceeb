import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSsoHome, startEmulator, type Emulator, type SsoHome } from '@sso-supervisor/emulator';
import { getSessionStatus } from './session-status';

describe(getSessionStatus.name, () => {
  let emulator: Emulator;
  let dir: string;
  let home: SsoHome;

  beforeAll(async () => {
    emulator = await startEmulator();
    dir = await mkdtemp(join(tmpdir(), 'session-status-'));
    home = await createSsoHome(emulator, join(dir, 'home'), [
      { name: 'corp', profiles: ['dev'], accessTokenTtlSeconds: 300 },
      { name: 'nobody', profiles: ['sandbox'], loggedIn: false },
    ]);
  });
  afterAll(async () => {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reads one session by profile name from $AWS_PROFILE, without refreshing it', async () => {
    const status = await getSessionStatus({ env: { ...home.env, AWS_PROFILE: 'dev' }, cwd: dir });
    expect(status).toMatchObject({ name: 'corp', state: 'expiring', profiles: ['dev'] });
    expect(emulator.calls.createToken.refresh_token).toBe(0);
  });

  it('says missing for a session nobody logged in to', async () => {
    const status = await getSessionStatus({ env: home.env, cwd: dir, session: 'nobody' });
    expect(status).toMatchObject({ state: 'missing', detail: 'run aws sso login --sso-session nobody' });
  });

  it('asks for a session when none is named and AWS_PROFILE is unset', async () => {
    await expect(getSessionStatus({ env: home.env, cwd: dir })).rejects.toThrow(/no session named/);
  });
});
