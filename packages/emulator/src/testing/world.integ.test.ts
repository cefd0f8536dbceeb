import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createWorld } from './world';

describe('createWorld', () => {
  it('lays out a logged-in home, a state folder and the env that points at them', async () => {
    const world = await createWorld({
      prefix: 'world-',
      sessions: [{ name: 'dev', profiles: ['dev-a'] }],
      env: { NO_COLOR: '1' },
    });
    try {
      expect(world.env).toMatchObject({
        HOME: world.home.home,
        AWS_CONFIG_FILE: world.home.configFile,
        SSO_SUPERVISOR_STATE_DIR: join(world.dir, 'state'),
        NO_COLOR: '1',
        ...world.emulator.env(),
      });
      expect(world.env.SSO_SUPERVISOR_CONFIG).toBeUndefined();
      expect(await readFile(world.home.configFile, 'utf8')).toContain('[sso-session dev]');
      await world.writeConfig('version: 1\n');
      expect(world.env.SSO_SUPERVISOR_CONFIG).toBe(world.configFile);
      const own = await world.withConfig('other', 'version: 1\n');
      expect(own).toMatchObject({
        SSO_SUPERVISOR_CONFIG: join(world.dir, 'other.yaml'),
        SSO_SUPERVISOR_STATE_DIR: join(world.dir, 'state-other'),
      });
      await access(own.SSO_SUPERVISOR_STATE_DIR);
    } finally {
      await world.close();
    }
    await expect(access(world.dir)).rejects.toThrow();
  });

  it('writes the config given at creation', async () => {
    const world = await createWorld({ prefix: 'world-', sessions: [], config: 'version: 1\n' });
    try {
      expect(await readFile(world.configFile, 'utf8')).toBe('version: 1\n');
      expect(world.env.SSO_SUPERVISOR_CONFIG).toBe(world.configFile);
    } finally {
      await world.close();
    }
  });
});
