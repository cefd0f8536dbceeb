import type { Emulator, SsoHome } from '@sso-supervisor/emulator';
import { createWorld, type World } from '@sso-supervisor/emulator/testing';
import { getSessionStatus } from './session-status';

describe(getSessionStatus.name, () => {
  let emulator: Emulator;
  let world: World;
  let dir: string;
  let home: SsoHome;

  beforeAll(async () => {
    world = await createWorld({
      prefix: 'session-status-',
      sessions: [
        { name: 'corp', profiles: ['dev'], accessTokenTtlSeconds: 300 },
        { name: 'nobody', profiles: ['sandbox'], loggedIn: false },
      ],
    });
    ({ emulator, dir, home } = world);
  });
  afterAll(async () => {
    await world.close();
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
