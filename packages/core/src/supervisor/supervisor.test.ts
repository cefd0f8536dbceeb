import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SsoSession } from '../aws-config/discover-sessions';
import { formatCachedToken } from '../cache/cached-token';
import { defaultConfig } from '../config/supervisor-config';
import { SessionRefresher } from '../engine/session-refresher';
import type { SupervisorEvent } from '../events/supervisor-event';
import { FakeTokenRefresher, type FakeResponse } from '../test-support/fake-token-refresher';
import { sampleSession } from '../test-support/sample-session';
import { SECRET_MARK, sampleToken } from '../test-support/sample-token';
import { RecordingLogger } from '@sso-supervisor/notifier-api/testing';
import type { SupervisedSession } from '../config/session-settings';
import { Supervisor, watchCacheDir } from './supervisor';
import type { WorkerState } from './worker-state';

describe('supervisor', () => {
  const NOW = new Date('2026-11-22T09:00:00.000Z');
  const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
  /** Never in a test's lifetime: only start(), a clock jump or a cache file change can cause a check. */
  const FAR = '0 0 1 1 *';
  const settings = { ...defaultConfig().defaults, schedule: FAR };
  const fresh = { accessToken: `${SECRET_MARK}-access-new`, expiresIn: 3600 };

  let dir: string;
  let now: Date;
  let mono: number;
  let events: SupervisorEvent[];
  let states: Map<string, WorkerState | null>;
  let logger: RecordingLogger;
  let supervisor: Supervisor | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sso-supervisor-'));
    now = NOW;
    mono = 0;
    events = [];
    states = new Map();
    logger = new RecordingLogger();
  });
  afterEach(async () => {
    await supervisor?.stop(100);
    supervisor = undefined;
    const output = JSON.stringify({ events, states: [...states] }) + logger.text();
    expect(output).not.toContain(SECRET_MARK);
    await rm(dir, { recursive: true, force: true });
  });

  function supervise(
    names: string[],
    extra: Partial<SupervisedSession['settings']> = {},
  ): SupervisedSession[] {
    return names.map((name) => ({ session: sampleSession(dir, name), settings: { ...settings, ...extra } }));
  }

  async function put(session: SsoSession, expiresAt: Date): Promise<void> {
    await writeFile(session.cacheFile, formatCachedToken(sampleToken(expiresAt)));
  }

  function newSupervisor(respond: FakeResponse): { sup: Supervisor; fake: FakeTokenRefresher } {
    const fake = new FakeTokenRefresher(respond);
    supervisor = new Supervisor({
      refresher: new SessionRefresher(fake),
      publish: (event) => events.push(event),
      logger,
      clock: { now: () => now },
      onState: (id, state) => states.set(id, state),
      clockJump: { intervalMs: 10, toleranceMs: 1_000, monotonic: () => mono },
    });
    return { sup: supervisor, fake };
  }

  function gate(): { opened: Promise<void>; open: () => void } {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { opened, open };
  }

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  async function until(condition: () => boolean): Promise<void> {
    for (let waited = 0; !condition(); waited += 10) {
      if (waited > 5_000) throw new Error('condition not met within 5s');
      await pause(10);
    }
  }

  const types = () => events.map((e) => e.type);
  const count = (type: string) => events.filter((e) => e.type === type).length;
  const checked = (ids: string[]) => () => ids.every((id) => states.get(id)?.lastCheck !== undefined);

  describe(Supervisor.name, () => {
    it('announces its start and checks every session at once', async () => {
      const supervised = supervise(['a', 'b', 'c']);
      for (const s of supervised) await put(s.session, minutes(5));
      const held = gate();
      const { sup, fake } = newSupervisor(async () => {
        await held.opened;
        return fresh;
      });
      sup.start(supervised);
      expect(events[0]).toMatchObject({
        type: 'supervisor.started',
        message: expect.stringContaining('3 session'),
      });
      await until(() => fake.grants.length === 3);
      expect(fake.maxConcurrent).toBe(3);
      held.open();
      await until(() => count('token.refreshed') === 3);
      expect(events.filter((e) => e.type === 'token.refreshed').map((e) => e.session)).toEqual(
        expect.arrayContaining(['a', 'b', 'c']),
      );
    });

    it('on stop, waits for the checks in flight and then announces it stopped', async () => {
      const supervised = supervise(['a', 'b']);
      for (const s of supervised) await put(s.session, minutes(5));
      const held = gate();
      const { sup, fake } = newSupervisor(async () => {
        await held.opened;
        return fresh;
      });
      sup.start(supervised);
      await until(() => fake.grants.length === 2);
      let stopped = false;
      const stopping = sup.stop(5_000).then(() => (stopped = true));
      await pause(50);
      expect(stopped).toBe(false);
      held.open();
      await stopping;
      supervisor = undefined;
      expect(types()).toEqual([
        'supervisor.started',
        'token.refreshed',
        'token.refreshed',
        'supervisor.stopped',
      ]);
    });

    it('adds, removes and retunes workers to match the sessions it is given', async () => {
      const { sup } = newSupervisor(() => fresh);
      sup.start(supervise(['a', 'b', 'c']));
      await until(checked(['a', 'b', 'c']));
      const before = states.get('c')!.nextCheck;
      const result = sup.apply([
        ...supervise(['b'], { threshold: 5 * 60_000 }),
        ...supervise(['c'], { schedule: '0 0 1 6 *' }),
        ...supervise(['d']),
      ]);
      expect(result).toEqual({ added: ['d'], removed: ['a'], retuned: ['b', 'c'] });
      expect(sup.sessionIds).toEqual(['b', 'c', 'd']);
      expect(states.get('a')).toBeNull();
      expect(states.get('c')!.nextCheck).not.toBe(before);
      expect(states.get('d')).toMatchObject({ name: 'd', consecutiveFailures: 0 });
      const again = sup.apply([
        ...supervise(['b'], { threshold: 5 * 60_000 }),
        ...supervise(['c'], { schedule: '0 0 1 6 *' }),
        ...supervise(['d']),
      ]);
      expect(again).toEqual({ added: [], removed: [], retuned: [] });
    });

    it('forgets a removed session for good, even when its check finishes after the removal', async () => {
      const supervised = supervise(['a', 'b']);
      for (const s of supervised) await put(s.session, minutes(5));
      const held = gate();
      const { sup, fake } = newSupervisor(async () => {
        await held.opened;
        return fresh;
      });
      sup.start(supervised);
      await until(() => fake.grants.length === 2);
      sup.apply(supervise(['b']));
      held.open();
      await until(() => count('token.refreshed') === 2);
      expect(states.has('a')).toBe(true);
      expect(states.get('a')).toBeNull();
      expect(states.get('b')).toMatchObject({ lastRefresh: NOW.toISOString() });
    });

    it('checks every session at once when the wall clock jumps, without waiting for a tick', async () => {
      const supervised = supervise(['a', 'b', 'c']);
      for (const s of supervised) await put(s.session, minutes(60));
      const { sup, fake } = newSupervisor(() => fresh);
      sup.start(supervised);
      await until(checked(['a', 'b', 'c']));
      await pause(50);
      expect(fake.grants).toHaveLength(0);
      now = minutes(50);
      await until(() => fake.grants.length === 3);
      expect(fake.grants.map((g) => g.loginCommand).sort()).toEqual(
        ['a', 'b', 'c'].map((name) => `aws sso login --sso-session ${name}`),
      );
      expect(logger.lines).toContainEqual(
        expect.objectContaining({ message: 'clock jumped; checking every session now' }),
      );
      await until(() => count('token.refreshed') === 3);
    });

    it('re-checks a session waiting for a login as soon as its cache file changes', async () => {
      const supervised = supervise(['a', 'b']);
      await put(supervised[1].session, minutes(60));
      const { sup, fake } = newSupervisor(() => fresh);
      sup.start(supervised);
      await until(() => count('session.reauth_required') === 1);
      await put(supervised[0].session, minutes(60));
      await until(() => count('session.restored') === 1);
      expect(events.find((e) => e.type === 'session.restored')?.session).toBe('a');
      expect(fake.grants).toHaveLength(0);
    });
  });
});

describe('watch-cache-dir', () => {
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  async function until(condition: () => boolean): Promise<void> {
    for (let waited = 0; !condition(); waited += 10) {
      if (waited > 5_000) throw new Error('condition not met within 5s');
      await pause(10);
    }
  }

  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sso-watch-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  describe(watchCacheDir.name, () => {
    it('reports the name of a file written in the folder, and nothing once closed', async () => {
      const seen: string[] = [];
      const close = watchCacheDir(dir, (name) => seen.push(name), new RecordingLogger());
      await writeFile(join(dir, 'abc.json'), '{}');
      await until(() => seen.includes('abc.json'));
      close();
      seen.length = 0;
      await writeFile(join(dir, 'def.json'), '{}');
      await pause(100);
      expect(seen).toEqual([]);
    });

    it('gives up quietly on a folder that cannot be watched', () => {
      const logger = new RecordingLogger();
      const close = watchCacheDir(join(dir, 'missing'), () => {}, logger);
      expect(() => close()).not.toThrow();
      expect(logger.lines).toEqual([
        expect.objectContaining({
          level: 'debug',
          message: 'cache folder not watched; relying on scheduled checks',
        }),
      ]);
    });
  });
});
