import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireLock } from './acquire-lock';
import { runningDaemonPid } from './running-daemon-pid';

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
