import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { CachePoller } from './support/cache-poller';
import { ChaosWorld } from './support/chaos-world';
import type { DaemonProcess } from '@sso-supervisor/cli/testing';
import { fullDiskSwitch } from './support/full-disk-switch';
import { readOnlySwitch } from './support/read-only-switch';

const ONE = [{ name: 'dev', profiles: ['dev-a'] }];
const refreshed = (d: DaemonProcess, session: string) => d.events('token.refreshed', session).length;
const calls = (world: ChaosWorld, session: string) =>
  world.emulator.calls.refreshByClient[world.home.sessions[session].login!.clientId] ?? 0;

/**
 * While the folder cannot take a write: one clear failure naming the file, no refresh token spent on a
 * write that cannot land, the file as it was. Once it can: refreshed, with no login needed.
 */
async function survivesTrouble(
  world: ChaosWorld,
  d: DaemonProcess,
  trouble: { on(): Promise<void>; off(): Promise<void> },
  code: RegExp,
): Promise<void> {
  const { cacheFile } = world.home.sessions.dev;
  await d.waitFor(() => refreshed(d, 'dev') >= 1);
  await trouble.on();
  const before = await readFile(cacheFile, 'utf8');
  const spent = calls(world, 'dev');
  await d.waitFor(() => d.events('token.refresh_failed', 'dev').length >= 1);
  const failure = d.events('token.refresh_failed', 'dev')[0];
  expect(failure.error).toContain(cacheFile);
  expect(failure.error).toMatch(code);
  await sleep(2500);
  expect(d.events('token.refresh_failed', 'dev')).toHaveLength(1);
  expect(calls(world, 'dev')).toBe(spent);
  expect(await readFile(cacheFile, 'utf8')).toBe(before);
  const seen = refreshed(d, 'dev');
  await trouble.off();
  await d.waitFor(() => refreshed(d, 'dev') > seen);
  expect(await d.stop()).toBe(0);
  expect(d.events('session.reauth_required')).toEqual([]);
  expect(world.deliveries('token.refresh_failed')).toHaveLength(1);
  expect((await readdir(world.home.cacheDir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
}

describe('disk trouble under sso-supervisor run', () => {
  let world: ChaosWorld;
  let poller: CachePoller;
  const cleanups: Array<() => Promise<void>> = [];

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    expect((await poller.stop()).invalid).toEqual([]);
    expect(await world.leaks()).toEqual([]);
    await world.close();
  });

  it('a read-only cache folder: a clear error naming the file, nothing spent, refreshed once writable', async () => {
    world = await ChaosWorld.create('readonly', { sessions: ONE });
    const readOnly = await readOnlySwitch(world.home.cacheDir, world.dir);
    cleanups.push(() => readOnly.off());
    console.info(`read-only cache folder by: ${readOnly.mechanism}`);
    poller = new CachePoller(world.home.cacheDir);
    const { prefix, nodeArgs, env } = readOnly;
    const d = world.startDaemon({ prefix, nodeArgs, env });
    await survivesTrouble(world, d, readOnly, /cannot be written \((EROFS|EACCES)\)/);
  });

  it('a full disk: a clear error naming the file, nothing spent, refreshed once there is room', async () => {
    world = await ChaosWorld.create('fulldisk', { sessions: ONE });
    const disk = await fullDiskSwitch(world.home.cacheDir, world.dir);
    cleanups.push(
      () => disk.close(),
      () => disk.free(),
    );
    console.info(`full disk by: ${disk.mechanism}`);
    poller = new CachePoller(world.home.cacheDir);
    const d = world.startDaemon({ nodeArgs: disk.nodeArgs, env: disk.env });
    await survivesTrouble(world, d, { on: disk.fill, off: disk.free }, /cannot be written \(ENOSPC\)/);
  });

  it('the cache folder deleted while running: says which file, spends nothing, picks the files up when they return', async () => {
    const sessions = ['dev', 'prod'];
    world = await ChaosWorld.create('deleted', {
      sessions: sessions.map((name) => ({ name, profiles: [name] })),
    });
    const { cacheDir } = world.home;
    poller = new CachePoller(cacheDir);
    const d = world.startDaemon();
    await d.waitFor(() => sessions.every((s) => refreshed(d, s) >= 1));
    // A copy taken right after a refresh, before the next is due: what a backup restore brings back.
    const names = await readdir(cacheDir);
    const saved = await Promise.all(names.map((n) => readFile(`${cacheDir}/${n}`)));
    const spent = sessions.map((s) => calls(world, s));
    await rm(cacheDir, { recursive: true });

    await d.waitFor(() => sessions.every((s) => d.events('session.reauth_required', s).length === 1));
    for (const s of sessions) {
      const [event] = d.events('session.reauth_required', s);
      expect(event.error).toContain(world.home.sessions[s].cacheFile);
    }
    await sleep(2000);
    expect(d.running).toBe(true);
    expect(sessions.map((s) => calls(world, s))).toEqual(spent);

    await mkdir(cacheDir, { mode: 0o700 });
    await Promise.all(names.map((n, i) => writeFile(`${cacheDir}/${n}`, saved[i], { mode: 0o600 })));
    const seen = sessions.map((s) => refreshed(d, s));
    await d.waitFor(() =>
      sessions.every((s, i) => d.events('session.restored', s).length === 1 && refreshed(d, s) > seen[i]),
    );
    expect(await d.stop()).toBe(0);
    for (const s of sessions) expect(d.events('session.reauth_required', s)).toHaveLength(1);
  });
});
