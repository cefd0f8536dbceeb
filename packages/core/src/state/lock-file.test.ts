import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireLock, isProcessAlive, runningDaemonPid } from './lock-file';

describe('acquire-lock', () => {
  let dir: string;
  let stateDir: string;
  let lockFile: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'acquire-lock-'));
    stateDir = join(dir, 'state', 'sso-supervisor');
    lockFile = join(stateDir, 'daemon.lock');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid;

  async function seedLock(content: string, mtime?: Date): Promise<void> {
    await mkdir(stateDir, { recursive: true });
    await writeFile(lockFile, content);
    if (mtime) await utimes(lockFile, mtime, mtime);
  }

  describe(acquireLock.name, () => {
    it('creates the state dir 0700 and a lock holding the pid; a second acquirer is refused by pid', async () => {
      const lock = await acquireLock(stateDir);
      expect('release' in lock).toBe(true);
      expect((await stat(stateDir)).mode & 0o777).toBe(0o700);
      expect(await readFile(lockFile, 'utf8')).toBe(`${process.pid}\n`);
      expect(await acquireLock(stateDir)).toEqual({
        error: `another sso-supervisor daemon (pid ${process.pid}) holds ${lockFile}`,
        pid: process.pid,
      });
      if ('release' in lock) await lock.release();
      await expect(stat(lockFile)).rejects.toMatchObject({ code: 'ENOENT' });
      expect('release' in (await acquireLock(stateDir))).toBe(true);
    });

    it('takes over a lock whose pid is dead', async () => {
      await seedLock(`${deadPid()}\n`);
      expect('release' in (await acquireLock(stateDir))).toBe(true);
      expect(await readFile(lockFile, 'utf8')).toBe(`${process.pid}\n`);
    });

    it('takes over a lock written before the machine booted, even if its pid is in use now', async () => {
      await seedLock('1\n', new Date('2000-01-01T00:00:00Z'));
      expect('release' in (await acquireLock(stateDir))).toBe(true);
    });

    it('takes over an old lock that holds no pid, but waits for a fresh one being written', async () => {
      await seedLock('', new Date(Date.now() - 60_000));
      expect('release' in (await acquireLock(stateDir))).toBe(true);

      await seedLock('');
      const pending = acquireLock(stateDir);
      await new Promise((r) => setTimeout(r, 100));
      await writeFile(lockFile, '1\n');
      expect(await pending).toMatchObject({ pid: 1 });
    });

    it('lets exactly one of many concurrent acquirers take over a stale lock, round after round', async () => {
      const dead = deadPid();
      for (let round = 0; round < 20; round++) {
        await seedLock(`${dead}\n`);
        const results = await Promise.all(Array.from({ length: 20 }, () => acquireLock(stateDir)));
        expect(results.filter((r) => 'release' in r)).toHaveLength(1);
      }
    });

    it('leaves a lock alone on release once another process holds it', async () => {
      const lock = await acquireLock(stateDir);
      await writeFile(lockFile, '1\n');
      if ('release' in lock) await lock.release();
      expect(await readFile(lockFile, 'utf8')).toBe('1\n');
    });

    it('reports a state dir that cannot be created', async () => {
      await writeFile(join(dir, 'state'), '');
      expect(await acquireLock(stateDir)).toEqual({
        error: expect.stringMatching(/^cannot create the state folder .*sso-supervisor \(E[A-Z]+\)$/),
      });
    });
  });
});

describe(isProcessAlive.name, () => {
  it('is true for this process and for pid 1 (EPERM when not root)', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(1)).toBe(true);
  });

  it('is false for a process that has exited', () => {
    expect(isProcessAlive(spawnSync(process.execPath, ['-e', '']).pid)).toBe(false);
  });

  it('is false for pids that would address a process group', () => {
    expect(isProcessAlive(0)).toBe(false);
    expect(isProcessAlive(-1)).toBe(false);
    expect(isProcessAlive(1.5)).toBe(false);
  });
});

describe(runningDaemonPid.name, () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'pid-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is the lock holder while it holds the lock, and null once it is released', async () => {
    const lock = await acquireLock(dir);
    if ('error' in lock) throw new Error(lock.error);
    expect(await runningDaemonPid(dir)).toBe(process.pid);
    await lock.release();
    expect(await runningDaemonPid(dir)).toBeNull();
  });

  it('is null for a lock left by a dead process, or a garbled one', async () => {
    await writeFile(join(dir, 'daemon.lock'), '2147483646\n');
    expect(await runningDaemonPid(dir)).toBeNull();
    await writeFile(join(dir, 'daemon.lock'), 'garbage');
    expect(await runningDaemonPid(dir)).toBeNull();
  });
});
