import {
  chown,
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  rm,
  symlink,
  utimes,
  writeFile,
  lutimes,
} from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireSessionLock, lockFileName, withSessionLock, type SessionLockState } from './session-lock';

const DEAD_PID = 2_147_483_646; // above any pid_max
const isRoot = process.getuid?.() === 0;

let dir: string;
let locks: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'session-lock-'));
  locks = join(dir, 'state', 'locks');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function record(fields: Partial<{ pid: number; hostname: string; nonce: string; since: string }>): string {
  return JSON.stringify({
    pid: process.pid,
    hostname: hostname(),
    since: '2026-01-01T00:00:00.000Z',
    nonce: 'x',
    ...fields,
  });
}

async function plant(key: string, content: string, ageMs = 0): Promise<string> {
  await mkdir(locks, { recursive: true, mode: 0o700 });
  const file = join(locks, lockFileName(key));
  await writeFile(file, content);
  const then = new Date(Date.now() - ageMs);
  await utimes(file, then, then);
  return file;
}

describe('acquireSessionLock', () => {
  it('creates a private folder and a 0600 lock file, and release removes it', async () => {
    const lock = await acquireSessionLock(locks, 'dev');
    if (!lock.locked) throw new Error(lock.message);
    expect(lock.waited).toBe(false);
    expect((await lstat(locks)).mode & 0o777).toBe(0o700);
    expect((await lstat(lock.file)).mode & 0o777).toBe(0o600);
    const content = JSON.parse(await readFile(lock.file, 'utf8'));
    expect(content).toMatchObject({ pid: process.pid, hostname: hostname() });
    await lock.release();
    await expect(lstat(lock.file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('waits for a live holder, tells onWait once, and gives up at waitMs with the holder named', async () => {
    const first = await acquireSessionLock(locks, 'dev');
    const onWait = jest.fn();
    const second = await acquireSessionLock(locks, 'dev', { waitMs: 150, onWait });
    expect(second).toMatchObject({ locked: false, reason: 'timeout', holder: { pid: process.pid } });
    expect(onWait).toHaveBeenCalledTimes(1);
    expect(onWait.mock.calls[0][0]).toMatchObject({ pid: process.pid, hostname: hostname() });
    if (first.locked) await first.release();
  });

  it('hands the lock to a waiter once the holder releases it', async () => {
    const first = await acquireSessionLock(locks, 'dev');
    if (!first.locked) throw new Error(first.message);
    const second = await acquireSessionLock(locks, 'dev', {
      waitMs: 20_000,
      onWait: () => void first.release(),
    });
    expect(second).toMatchObject({ locked: true, waited: true });
    expect(second.locked && second.tookOver).toBeUndefined();
    if (second.locked) await second.release();
  });

  it('never lets two holders in one process overlap', async () => {
    let inside = 0;
    let overlaps = 0;
    const runs = Array.from({ length: 20 }, () =>
      withSessionLock(locks, 'dev', async (lock) => {
        if (!lock.locked) throw new Error(lock.message);
        if (++inside > 1) overlaps++;
        await new Promise((resolve) => setTimeout(resolve, 1));
        inside--;
      }),
    );
    await Promise.all(runs);
    expect(overlaps).toBe(0);
  });

  it('takes over a lock whose process is gone', async () => {
    await plant('dev', record({ pid: DEAD_PID }));
    const lock = await acquireSessionLock(locks, 'dev', { waitMs: 0 });
    expect(lock).toMatchObject({ locked: true, tookOver: { reason: 'pid-gone', holder: { pid: DEAD_PID } } });
  });

  it('takes over a lock older than maxAge even if its process lives', async () => {
    await plant('dev', record({ nonce: 'other' }), 10_000);
    const lock = await acquireSessionLock(locks, 'dev', { waitMs: 0, maxAgeMs: 5_000 });
    expect(lock).toMatchObject({ locked: true, tookOver: { reason: 'max-age' } });
  });

  it("judges another host's lock by its age alone", async () => {
    await plant('dev', record({ pid: DEAD_PID, hostname: 'elsewhere' }));
    expect(await acquireSessionLock(locks, 'dev', { waitMs: 50 })).toMatchObject({
      locked: false,
      reason: 'timeout',
    });
    await plant('dev', record({ pid: DEAD_PID, hostname: 'elsewhere' }), 10_000);
    expect(await acquireSessionLock(locks, 'dev', { waitMs: 0, maxAgeMs: 5_000 })).toMatchObject({
      locked: true,
    });
  });

  it('waits on an unreadable lock while it may be mid-write, and takes it over later', async () => {
    await plant('dev', '');
    expect(await acquireSessionLock(locks, 'dev', { waitMs: 50 })).toMatchObject({
      locked: false,
      reason: 'timeout',
    });
    await plant('dev', '{"pid":', 60_000);
    expect(await acquireSessionLock(locks, 'dev', { waitMs: 0 })).toMatchObject({
      locked: true,
      tookOver: { reason: 'unreadable', holder: null },
    });
  });

  it('never follows a symlink planted as the lock file', async () => {
    const target = join(dir, 'precious');
    await writeFile(target, 'keep me');
    await mkdir(locks, { recursive: true, mode: 0o700 });
    const link = join(locks, lockFileName('dev'));
    await symlink(target, link);
    const old = new Date(Date.now() - 60_000);
    await lutimes(link, old, old);
    const lock = await acquireSessionLock(locks, 'dev', { waitMs: 0 });
    expect(lock).toMatchObject({ locked: true, tookOver: { reason: 'unreadable' } });
    expect(await readFile(target, 'utf8')).toBe('keep me');
    expect((await lstat(link)).isFile()).toBe(true);
  });

  it('stops waiting when aborted', async () => {
    await plant('dev', record({ nonce: 'other' }));
    const controller = new AbortController();
    const pending = acquireSessionLock(locks, 'dev', {
      waitMs: 60_000,
      signal: controller.signal,
      onWait: () => controller.abort(),
    });
    expect(await pending).toMatchObject({ locked: false, reason: 'aborted', holder: { pid: process.pid } });
  });

  it('leaves alone a lock that is no longer its own when releasing', async () => {
    const lock = await acquireSessionLock(locks, 'dev');
    if (!lock.locked) throw new Error(lock.message);
    await writeFile(lock.file, record({ nonce: 'successor' }));
    await lock.release();
    expect(JSON.parse(await readFile(lock.file, 'utf8')).nonce).toBe('successor');
  });
});

describe('acquireSessionLock on a folder it must not use', () => {
  it('refuses a symlinked lock folder and creates nothing behind it', async () => {
    const real = join(dir, 'real');
    await mkdir(real, { mode: 0o700 });
    await mkdir(join(dir, 'state'));
    await symlink(real, locks);
    const lock = await acquireSessionLock(locks, 'dev');
    expect(lock).toMatchObject({ locked: false, reason: 'unsafe-folder' });
    expect(!lock.locked && lock.message).toContain(locks);
    expect(await readFile(join(real, lockFileName('dev'))).catch((e) => e.code)).toBe('ENOENT');
  });

  it('says unlocked, naming the folder, when the folder cannot be created', async () => {
    await writeFile(join(dir, 'state'), 'a file where a folder should be');
    const lock = await acquireSessionLock(locks, 'dev');
    expect(lock).toMatchObject({ locked: false, reason: 'unwritable' });
    expect(!lock.locked && lock.message).toContain(locks);
  });

  (isRoot ? it : it.skip)('refuses a lock folder owned by another user', async () => {
    await mkdir(locks, { recursive: true, mode: 0o700 });
    await chown(locks, 65534, 65534);
    const lock = await acquireSessionLock(locks, 'dev');
    expect(lock).toMatchObject({ locked: false, reason: 'unsafe-folder' });
    expect(!lock.locked && lock.message).toContain('uid 65534');
  });

  it('tightens a lock folder of its own that others could enter', async () => {
    await mkdir(locks, { recursive: true, mode: 0o755 });
    const lock = await acquireSessionLock(locks, 'dev');
    expect(lock.locked).toBe(true);
    expect((await lstat(locks)).mode & 0o777).toBe(0o700);
  });
});

describe('withSessionLock', () => {
  it("returns fn's result and releases after a throw", async () => {
    expect(await withSessionLock(locks, 'dev', async (lock) => lock.locked)).toBe(true);
    await expect(
      withSessionLock(locks, 'dev', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await acquireSessionLock(locks, 'dev', { waitMs: 0 })).toMatchObject({ locked: true });
  });

  it('runs fn unlocked, with the reason, when the lock cannot be had', async () => {
    await writeFile(join(dir, 'state'), '');
    const seen: SessionLockState[] = [];
    await withSessionLock(locks, 'dev', async (lock) => void seen.push(lock));
    expect(seen).toEqual([expect.objectContaining({ locked: false, reason: 'unwritable' })]);
  });
});

describe('lockFileName', () => {
  it('keeps plain keys readable and hashes the rest so no key leaves the folder', () => {
    expect(lockFileName('dev-session_1')).toBe('dev-session_1.lock');
    for (const key of ['../x', 'a/b', '.hidden', '', 'x'.repeat(200), 'sp ace']) {
      expect(lockFileName(key)).toMatch(/^h-[0-9a-f]{40}\.lock$/);
    }
    expect(lockFileName('a/b')).not.toBe(lockFileName('a/c'));
  });
});
