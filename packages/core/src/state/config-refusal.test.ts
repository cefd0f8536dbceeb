import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  clearConfigRefusal,
  readConfigRefusal,
  REFUSAL_FILE_NAME,
  refusalDir,
  writeConfigRefusal,
} from './config-refusal';

describe('config refusal record', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'refusal-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const refusal = {
    at: '2026-12-02T02:00:00.000Z',
    configFile: '/cfg/supervisor.yaml',
    errors: ['/cfg/supervisor.yaml:3:14 defaults.threshold: not a duration'],
    pid: 4242,
  };

  it('is written 0600 in a folder it creates, and read back', async () => {
    const state = join(dir, 'state');
    await writeConfigRefusal(state, refusal);
    expect((await stat(join(state, REFUSAL_FILE_NAME))).mode & 0o777).toBe(0o600);
    expect(await readConfigRefusal(state)).toStrictEqual(refusal);
  });

  it('keeps the first five errors, each cut to a readable length', async () => {
    const errors = Array.from({ length: 9 }, (_, i) => `${i}:${'x'.repeat(1000)}`);
    await writeConfigRefusal(dir, { ...refusal, errors });
    const read = await readConfigRefusal(dir);
    expect(read?.errors).toHaveLength(5);
    expect(read?.errors[4]).toMatch(/^4:x+…$/);
    expect(read!.errors[4].length).toBeLessThan(500);
  });

  it('reads as none when absent, not JSON, or of another shape', async () => {
    expect(await readConfigRefusal(dir)).toBeNull();
    await writeFile(join(dir, REFUSAL_FILE_NAME), '{oops');
    expect(await readConfigRefusal(dir)).toBeNull();
    await writeFile(join(dir, REFUSAL_FILE_NAME), JSON.stringify({ ...refusal, at: 'yesterday' }));
    expect(await readConfigRefusal(dir)).toBeNull();
    await writeFile(join(dir, REFUSAL_FILE_NAME), JSON.stringify({ ...refusal, errors: [1] }));
    expect(await readConfigRefusal(dir)).toBeNull();
  });

  it('is removed by a clear, and a second clear is no error', async () => {
    await writeConfigRefusal(dir, refusal);
    await clearConfigRefusal(dir);
    await clearConfigRefusal(dir);
    await expect(readFile(join(dir, REFUSAL_FILE_NAME))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('lives in the state dir found without a config: the variable, XDG, then the home', () => {
    const io = { platform: 'linux' as const, cwd: '/work' };
    expect(refusalDir({ ...io, env: { HOME: '/h', SSO_SUPERVISOR_STATE_DIR: 'st' } })).toBe('/work/st');
    expect(refusalDir({ ...io, env: { HOME: '/h', XDG_STATE_HOME: '/x' } })).toBe('/x/sso-supervisor');
    expect(refusalDir({ ...io, env: { HOME: '/h' } })).toBe('/h/.local/state/sso-supervisor');
  });
});
