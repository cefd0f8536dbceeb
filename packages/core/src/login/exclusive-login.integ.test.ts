import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCachedToken } from '../cache/write-cached-token';
import { acquireSessionLock } from '../interprocess/session-lock';
import { sampleSession } from '../test-support/sample-session';
import { sampleToken } from '../test-support/sample-token';
import { exclusiveLogin, loginLockKey } from './exclusive-login';
import type { LoginResult } from './login-types';

describe(exclusiveLogin.name, () => {
  let dir: string;
  let stateDir: string;
  const session = () => sampleSession(join(dir, 'cache'), 'corp');
  const ours = async (): Promise<LoginResult> => ({ session: 'corp', id: 'corp', outcome: 'logged_in' });
  const holdLock = () => acquireSessionLock(join(stateDir, 'locks'), loginLockKey(session()));

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'exclusive-login-'));
    stateDir = join(dir, 'state');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('runs the login when nobody else does, and frees the lock after', async () => {
    expect(await exclusiveLogin(session(), ours, { stateDir, waitMs: 100 })).toMatchObject({
      outcome: 'logged_in',
    });
    const again = await holdLock();
    expect(again.locked).toBe(true);
    if (again.locked) await again.release();
  });

  it('names the pid of a login still running when the wait ends', async () => {
    const held = await holdLock();
    const waits: number[] = [];
    const result = await exclusiveLogin(session(), ours, {
      stateDir,
      waitMs: 150,
      onWait: (h) => waits.push(h.pid),
    });
    expect(result).toMatchObject({
      outcome: 'failed',
      error: `a login for this session is still running in pid ${process.pid} on ${hostname()}`,
      joined: { pid: process.pid },
    });
    expect(waits).toEqual([process.pid]);
    if (held.locked) await held.release();
  });

  it("reports the other login's token when it wrote one, and its failure when it did not", async () => {
    let held = await holdLock();
    let ran = false;
    const mine = async () => ((ran = true), ours());
    const token = sampleToken(new Date(Date.now() + 3_600_000));
    setTimeout(async () => {
      await writeCachedToken(session().cacheFile, token, null);
      if (held.locked) await held.release();
    }, 100);
    expect(await exclusiveLogin(session(), mine, { stateDir, waitMs: 5000 })).toMatchObject({
      outcome: 'logged_in',
      expiresAt: token.expiresAt,
      joined: { pid: process.pid },
    });

    held = await holdLock();
    setTimeout(() => void (held.locked && held.release()), 100);
    expect(await exclusiveLogin(session(), mine, { stateDir, waitMs: 5000 })).toMatchObject({
      outcome: 'failed',
      error: 'the login in the other process ended without a new token',
    });
    expect(ran).toBe(false);
  });
});
