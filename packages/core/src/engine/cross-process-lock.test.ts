import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { formatCachedToken } from '../cache/cached-token';
import { FakeTokenRefresher } from '../test-support/fake-token-refresher';
import { sampleSession } from '../test-support/sample-session';
import { sampleToken } from '../test-support/sample-token';
import type { RefreshOptions } from './refresh-session';
import { SessionRefresher } from './session-refresher';

const options: RefreshOptions = { thresholdMs: 20 * 60_000 };
const due = () => formatCachedToken(sampleToken(new Date(Date.now() + 5 * 60_000)));

let dir: string;
let stateDir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sso-xlock-'));
  stateDir = join(dir, 'state');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(5);
}

/** Two refreshers are two processes: each has its own single-flight map, they share only the state dir. */
function twoProcesses(fake: FakeTokenRefresher, onUnlocked = jest.fn()) {
  const locking = { stateDir, onUnlocked };
  return [new SessionRefresher(fake, 4, locking), new SessionRefresher(fake, 4, locking)] as const;
}

describe('SessionRefresher with the cross-process lock', () => {
  it.each([false, true])(
    'a second process waits for the first, re-reads and makes no CreateToken (force: %s)',
    async (force) => {
      const session = sampleSession(dir, 'corp');
      await writeFile(session.cacheFile, due());
      let open!: () => void;
      const opened = new Promise<void>((resolve) => (open = resolve));
      const fake = new FakeTokenRefresher(async () => {
        await opened;
        return { accessToken: 'new', expiresIn: 3600 };
      });
      const [a, b] = twoProcesses(fake);
      const first = a.refresh(session, { ...options, force });
      await until(() => fake.grants.length === 1);
      const second = b.refresh(session, { ...options, force });
      // Without the lock, the second process would be in CreateToken well within this.
      await sleep(300);
      expect(fake.grants).toHaveLength(1);
      open();
      const results = await Promise.all([first, second]);
      expect(results.map((r) => r.outcome)).toEqual(['refreshed', 'skipped']);
      expect(fake.grants).toHaveLength(1);
      expect(
        existsSync(join(stateDir, 'locks', `${session.cacheFile.split('/').pop()!.slice(0, -5)}.lock`)),
      ).toBe(false);
    },
  );

  it('takes no lock for a session that is not due', async () => {
    const session = sampleSession(dir, 'corp');
    await writeFile(session.cacheFile, formatCachedToken(sampleToken(new Date(Date.now() + 3600_000))));
    const fake = new FakeTokenRefresher(() => ({ accessToken: 'new', expiresIn: 3600 }));
    const [a] = twoProcesses(fake);
    expect((await a.refresh(session, options)).outcome).toBe('skipped');
    expect(existsSync(join(stateDir, 'locks'))).toBe(false);
  });

  it('refreshes without the lock when the state folder is unusable, and says why once', async () => {
    await writeFile(stateDir, 'not a folder');
    const sessions = [sampleSession(dir, 'one'), sampleSession(dir, 'two')];
    for (const s of sessions) await writeFile(s.cacheFile, due());
    const fake = new FakeTokenRefresher(() => ({ accessToken: 'new', expiresIn: 3600 }));
    const onUnlocked = jest.fn();
    const [a] = twoProcesses(fake, onUnlocked);
    const results = await a.refreshAll(sessions, () => options);
    expect(results.map((r) => r.outcome)).toEqual(['refreshed', 'refreshed']);
    expect(onUnlocked).toHaveBeenCalledTimes(1);
    expect(onUnlocked.mock.calls[0][0].message).toContain(`${stateDir} is not a folder`);
  });

  it('refreshes without the lock when the lock folder is not a folder, naming it', async () => {
    // A file where the folder goes: unusable for root too, whom mode bits do not stop.
    await mkdir(stateDir, { mode: 0o700 });
    await writeFile(join(stateDir, 'locks'), '');
    const session = sampleSession(dir, 'corp');
    await writeFile(session.cacheFile, due());
    const fake = new FakeTokenRefresher(() => ({ accessToken: 'new', expiresIn: 3600 }));
    const onUnlocked = jest.fn();
    const [a] = twoProcesses(fake, onUnlocked);
    expect((await a.refresh(session, options)).outcome).toBe('refreshed');
    expect(onUnlocked).toHaveBeenCalledTimes(1);
    expect(onUnlocked.mock.calls[0][0].message).toContain(`${join(stateDir, 'locks')} is not a folder`);
  });
});
