import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStateFile } from './read-state-file';
import type { StateFile } from './state-file';

const state: StateFile = {
  version: 1,
  pid: 4242,
  startedAt: '2026-11-22T09:00:00.000Z',
  updatedAt: '2026-11-22T09:20:00.000Z',
  sessions: { corp: { name: 'corp', consecutiveFailures: 0, lastRefresh: '2026-11-22T09:20:00.000Z' } },
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'read-state-file-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe(readStateFile.name, () => {
  it('reads a valid state file', async () => {
    await writeFile(join(dir, 'state.json'), JSON.stringify(state));
    expect(await readStateFile(dir)).toEqual({ state });
  });

  it('keeps the last login and the estimated session end, and drops keys it does not list', async () => {
    const login = { loginAt: '2026-11-22T08:00:00.000Z', sessionEndsAt: '2026-11-22T16:00:00.000Z' };
    const withLogin = { ...state, sessions: { corp: { ...state.sessions.corp, ...login } } };
    const extra = { ...withLogin, sessions: { corp: { ...withLogin.sessions.corp, accessToken: 'x' } } };
    await writeFile(join(dir, 'state.json'), JSON.stringify(extra));
    expect(await readStateFile(dir)).toEqual({ state: withLogin });
  });

  it('reads no file as no state, without a warning', async () => {
    expect(await readStateFile(join(dir, 'absent'))).toEqual({ state: null });
  });

  it.each([
    ['not JSON', '{"version": 1,', /is not valid JSON; ignored$/],
    [
      'the wrong shape',
      JSON.stringify({ ...state, sessions: { corp: { name: 'corp' } } }),
      /sessions\.corp\.consecutiveFailures/,
    ],
    ['another version', JSON.stringify({ ...state, version: 2 }), /\(version: /],
  ])('reads a file that is %s as no state, with a warning naming the file', async (_, text, warning) => {
    await writeFile(join(dir, 'state.json'), text);
    const read = await readStateFile(dir);
    expect(read.state).toBeNull();
    expect(read.warning).toMatch(warning);
    expect(read.warning).toContain(join(dir, 'state.json'));
  });

  it('reads an unreadable file as no state, with a warning', async () => {
    await mkdir(join(dir, 'state.json'));
    expect(await readStateFile(dir)).toEqual({
      state: null,
      warning: `${join(dir, 'state.json')} cannot be read (EISDIR); ignored`,
    });
  });
});
