import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatCachedToken } from '../cache/cached-token';
import { obtainSessionToken } from '../credentials/obtain-session-token';
import { FakeTokenRefresher } from '../test-support/fake-token-refresher';
import { sampleSession } from '../test-support/sample-session';
import { sampleToken } from '../test-support/sample-token';
import type { RefreshOptions } from './refresh-session';
import { SessionRefresher } from './session-refresher';

const NOW = new Date('2026-11-22T09:00:00Z');
const options: RefreshOptions = { thresholdMs: 20 * 60_000, now: () => NOW };
const dueToken = formatCachedToken(sampleToken(new Date(NOW.getTime() + 5 * 60_000)));

/** A promise with its resolve handed out, to hold fake refreshes open. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sso-refresher-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function dueSession(name: string) {
  const session = sampleSession(dir, name);
  await writeFile(session.cacheFile, dueToken);
  return session;
}

describe(SessionRefresher.name, () => {
  it('collapses concurrent refreshes of one session into one refresher call', async () => {
    const session = await dueSession('corp');
    const held = gate();
    const fake = new FakeTokenRefresher(async () => {
      await held.opened;
      return { accessToken: 'new', expiresIn: 3600 };
    });
    const refresher = new SessionRefresher(fake);
    const first = refresher.refresh(session, options);
    const second = refresher.refresh(session, { ...options, force: true });
    expect(second).toBe(first);
    await until(() => fake.grants.length === 1);
    held.open();
    const results = await Promise.all([first, second]);
    expect(results.map((r) => r.outcome)).toEqual(['refreshed', 'refreshed']);
    expect(fake.grants).toHaveLength(1);
  });

  it('starts a new refresh once the previous one has finished', async () => {
    const session = await dueSession('corp');
    const fake = new FakeTokenRefresher(() => ({ accessToken: 'new', expiresIn: 60 }));
    const refresher = new SessionRefresher(fake);
    await refresher.refresh(session, options);
    expect((await refresher.refresh(session, options)).outcome).toBe('refreshed');
    expect(fake.grants).toHaveLength(2);
  });

  it('runs at most `concurrency` sessions at once and finishes them all', async () => {
    const sessions = await Promise.all(['a', 'b', 'c', 'd', 'e'].map(dueSession));
    const held = gate();
    const fake = new FakeTokenRefresher(async () => {
      await held.opened;
      return { accessToken: 'new', expiresIn: 3600 };
    });
    const pass = new SessionRefresher(fake, 2).refreshAll(sessions, () => options);
    await until(() => fake.grants.length === 2);
    // Give a third session every chance to start if the bound were not honoured.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.grants).toHaveLength(2);
    held.open();
    const results = await pass;
    expect(results.map((r) => [r.id, r.outcome])).toEqual(sessions.map((s) => [s.id, 'refreshed']));
    expect(fake.maxConcurrent).toBe(2);
    expect(fake.grants).toHaveLength(5);
  });

  it('gives each session its own options', async () => {
    const [due, forced] = await Promise.all([dueSession('due'), dueSession('forced')]);
    await writeFile(forced.cacheFile, formatCachedToken(sampleToken(new Date(NOW.getTime() + 3600_000))));
    const fake = new FakeTokenRefresher(() => ({ accessToken: 'new', expiresIn: 3600 }));
    const results = await new SessionRefresher(fake).refreshAll([due, forced], (s) => ({
      ...options,
      force: s.id === 'forced',
      thresholdMs: s.id === 'due' ? 60_000 : options.thresholdMs,
    }));
    expect(results.map((r) => r.outcome)).toEqual(['skipped', 'refreshed']);
  });

  it('is the one door: a worker and obtainSessionToken sharing it spend the refresh token once', async () => {
    const session = await dueSession('corp');
    const held = gate();
    const fake = new FakeTokenRefresher(async () => {
      await held.opened;
      return { accessToken: 'new', expiresIn: 3600 };
    });
    const refresher = new SessionRefresher(fake);
    const worker = refresher.refresh(session, options);
    const cli = obtainSessionToken(session, {
      thresholdMs: options.thresholdMs,
      now: options.now,
      refresher,
    });
    await until(() => fake.grants.length === 1);
    held.open();
    expect((await worker).outcome).toBe('refreshed');
    expect(await cli).toMatchObject({ ok: true, accessToken: 'new', refreshed: true });
    expect(fake.grants).toHaveLength(1);
  });

  it('closes its token refresher on destroy', () => {
    const fake = new FakeTokenRefresher(() => ({ accessToken: 'new', expiresIn: 60 }));
    const destroy = jest.spyOn(fake, 'destroy');
    new SessionRefresher(fake).destroy();
    expect(destroy).toHaveBeenCalledTimes(1);
  });
});
