import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StateFile } from './state-file';
import { writeStateFile } from './write-state-file';

const state: StateFile = {
  version: 1,
  pid: 4242,
  startedAt: '2026-11-22T09:00:00.000Z',
  updatedAt: '2026-11-22T09:20:00.000Z',
  sessions: { corp: { name: 'corp', consecutiveFailures: 2, state: 'failed', lastError: 'timeout' } },
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'write-state-file-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe(writeStateFile.name, () => {
  it('creates the state dir and writes the file 0600, replacing what was there, leaving no temp file', async () => {
    const stateDir = join(dir, 'state');
    await writeStateFile(stateDir, { ...state, pid: 1 });
    await writeStateFile(stateDir, state);
    expect(JSON.parse(await readFile(join(stateDir, 'state.json'), 'utf8'))).toEqual(state);
    expect((await stat(join(stateDir, 'state.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(stateDir)).mode & 0o777).toBe(0o700);
    expect(await readdir(stateDir)).toEqual(['state.json']);
  });

  it('drops keys the schema does not list, so a token handed in by mistake never reaches the disk', async () => {
    const leaky = {
      ...state,
      sessions: { corp: { ...state.sessions.corp, accessToken: 'aoaSEEDEDtoken0123' } },
    };
    await writeStateFile(dir, leaky);
    expect(await readFile(join(dir, 'state.json'), 'utf8')).not.toContain('aoaSEEDEDtoken0123');
  });

  it('refuses an invalid state and keeps the old file', async () => {
    await writeStateFile(dir, state);
    await expect(writeStateFile(dir, { ...state, pid: -1 })).rejects.toThrow();
    expect(JSON.parse(await readFile(join(dir, 'state.json'), 'utf8')).pid).toBe(4242);
  });

  it('fails without leaving a temp file when the rename cannot happen', async () => {
    await mkdir(join(dir, 'state.json', 'inside'), { recursive: true });
    await expect(writeStateFile(dir, state)).rejects.toMatchObject({
      code: expect.stringMatching(/^E[A-Z]+$/),
    });
    expect(await readdir(dir)).toEqual(['state.json']);
  });
});
