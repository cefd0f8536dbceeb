import { mkdir, mkdtemp, rm, writeFile, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  readStateFile,
  type StateFile,
  writeStateFile,
  type SessionRecord,
  StateFileWriter,
} from './state-file';
import { SecretRegistry } from '../logging/redaction';
import { RecordingLogger } from '@sso-supervisor/notifier-api/testing';

describe('read-state-file', () => {
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
});

describe('write-state-file', () => {
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
});

describe('state-file-writer', () => {
  const TOKEN = 'aoaSEEDEDtoken0123456789abcdef';
  const clock = { now: () => new Date('2026-11-22T09:20:00.000Z') };
  const record = (n: number): SessionRecord => ({ name: `s${n}`, consecutiveFailures: n });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  async function eventually<T>(read: () => Promise<T>): Promise<T> {
    for (let waited = 0; ; waited += 10) {
      try {
        return await read();
      } catch (error) {
        if (waited > 2000) throw error;
        await sleep(10);
      }
    }
  }

  let dir: string;
  let logger: RecordingLogger;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'state-file-writer-'));
    logger = new RecordingLogger();
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function onDisk(): Promise<StateFile & { ino: number }> {
    const file = join(dir, 'state.json');
    return { ...JSON.parse(await readFile(file, 'utf8')), ino: (await stat(file)).ino };
  }

  describe(StateFileWriter.name, () => {
    it('writes the first change at once and coalesces a burst after it into one later write', async () => {
      const writer = new StateFileWriter({ stateDir: dir, logger, clock, intervalMs: 500 });
      writer.setSession('s0', record(0));
      const first = await eventually(onDisk);
      expect(first).toMatchObject({ version: 1, pid: process.pid, startedAt: '2026-11-22T09:20:00.000Z' });
      expect(Object.keys(first.sessions)).toEqual(['s0']);

      for (let n = 1; n <= 20; n++) writer.setSession(`s${n}`, record(n));
      await sleep(50);
      expect((await onDisk()).ino).toBe(first.ino);
      await sleep(600);
      const second = await onDisk();
      expect(second.ino).not.toBe(first.ino);
      expect(Object.keys(second.sessions)).toHaveLength(21);
    });

    it('writes check times alone at most every routineMs, an unchanged record never, news at once', async () => {
      const writer = new StateFileWriter({ stateDir: dir, logger, clock, intervalMs: 0, routineMs: 60_000 });
      const healthy = { ...record(0), lastCheck: '2026-11-22T09:20:00.000Z' };
      writer.setSession('corp', healthy);
      const first = await eventually(onDisk);
      writer.setSession('corp', { ...healthy });
      writer.setSession('corp', { ...healthy, lastCheck: '2026-11-22T09:20:01.000Z', nextCheck: 'x' });
      await sleep(100);
      expect(await onDisk()).toStrictEqual(first);

      writer.setSession('corp', { ...healthy, lastCheck: '2026-11-22T09:20:02.000Z', state: 'failed' });
      await sleep(100);
      const news = await onDisk();
      expect(news.ino).not.toBe(first.ino);
      expect(news.sessions.corp).toMatchObject({ state: 'failed', lastCheck: '2026-11-22T09:20:02.000Z' });

      writer.setSession('corp', { ...healthy, lastCheck: '2026-11-22T09:20:03.000Z', state: 'failed' });
      await writer.flush();
      expect((await onDisk()).sessions.corp.lastCheck).toBe('2026-11-22T09:20:03.000Z');
    });

    it('writes what is pending on flush, forgets removed sessions and keeps carried-over ones', async () => {
      const writer = new StateFileWriter({
        stateDir: dir,
        logger,
        clock,
        sessions: { old: record(3), gone: record(1) },
      });
      writer.setSession('new', record(0));
      writer.setSession('gone', null);
      await writer.flush();
      expect((await onDisk()).sessions).toEqual({ old: record(3), new: record(0) });
    });

    it('blanks registered secrets in lastError and drops unknown keys', async () => {
      const secrets = new SecretRegistry();
      secrets.add(TOKEN);
      const writer = new StateFileWriter({ stateDir: dir, logger, clock, secrets });
      const leaky = { ...record(1), lastError: `server said ${TOKEN}`, refreshToken: TOKEN } as SessionRecord;
      writer.setSession('corp', leaky);
      await writer.flush();
      const text = await readFile(join(dir, 'state.json'), 'utf8');
      expect(text).not.toContain(TOKEN);
      expect(JSON.parse(text).sessions.corp.lastError).toBe('server said [redacted]');
    });

    it('logs one warning, and throws nothing, while the file cannot be written', async () => {
      const blocked = join(dir, 'not-a-folder');
      await writeFile(blocked, '');
      const writer = new StateFileWriter({ stateDir: blocked, logger, clock });
      writer.setSession('corp', record(0));
      await writer.flush();
      writer.setSession('corp', record(1));
      await writer.flush();
      expect(logger.lines).toEqual([
        {
          level: 'warn',
          message: 'cannot write the state file; status may be out of date',
          fields: { file: join(blocked, 'state.json'), error: expect.stringMatching(/^E[A-Z]+$/) },
        },
      ]);
    });
  });
});
