import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CachedToken, contentFingerprint, formatCachedToken } from '../cache/cached-token';
import { defaultConfig } from '../config/supervisor-config';
import { withCacheView, type RefreshOutcome } from '../engine/refresh-session';
import { SessionRefresher } from '../engine/session-refresher';
import type { SupervisorEvent } from '../events/supervisor-event';
import { FakeTokenRefresher } from '../test-support/fake-token-refresher';
import { sampleSession } from '../test-support/sample-session';
import { SECRET_MARK, sampleToken } from '../test-support/sample-token';
import { RecordingLogger } from '@sso-supervisor/notifier-api/testing';
import { LoginWatch } from './login-watch';
import { SessionWorker } from './session-worker';
import type { WorkerState } from './worker-state';

const T0 = new Date('2026-11-22T09:00:00.000Z');
const HOUR = 3_600_000;
const at = (ms: number) => new Date(T0.getTime() + ms);
const settings = { ...defaultConfig().defaults, schedule: '0 0 1 1 *', sessionDuration: 8 * HOUR };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'login-watch-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const session = () => sampleSession(dir, 'corp');
const put = async (token: CachedToken) => {
  const raw = formatCachedToken(token);
  await writeFile(session().cacheFile, raw);
  return raw;
};
const login = (n: number) => sampleToken(at(9 * HOUR), { accessToken: `${SECRET_MARK}-access-${n}` });

/** A result as the refresher returns it: decided on `decidedOn`, and left `wrote` when it wrote. */
const result = (outcome: RefreshOutcome, decidedOn: string | null, wrote?: string) => {
  const left = wrote ?? decidedOn;
  const registration = left === null ? undefined : (JSON.parse(left) as CachedToken).registrationExpiresAt;
  return withCacheView(
    { session: 'corp', id: 'corp', outcome },
    {
      decidedOn: contentFingerprint(decidedOn),
      left: contentFingerprint(left),
      ...(registration && { registrationExpiresAt: registration }),
    },
  );
};

describe(LoginWatch.name, () => {
  const pass = (
    watch: LoginWatch,
    outcome: RefreshOutcome,
    decidedOn: string | null,
    now: Date,
    loginAt?: string,
    wrote?: string,
  ) =>
    watch.afterPass({
      supervised: { session: session(), settings },
      result: result(outcome, decidedOn, wrote),
      held: false,
      loginAt,
      now,
    });

  it('takes the first content as the baseline, and a later change by someone else as a login', async () => {
    const watch = new LoginWatch();
    const first = await put(login(1));
    expect(await pass(watch, 'skipped', first, at(0))).toEqual({ events: [] });
    expect(await pass(watch, 'skipped', first, at(60_000))).toEqual({ events: [] });
    const second = await put(login(2));
    expect(await pass(watch, 'skipped', second, at(120_000))).toEqual({
      loginAt: at(120_000).toISOString(),
      events: [],
    });
  });

  it('does not take its own refresh for a login', async () => {
    const watch = new LoginWatch();
    const first = await put(login(1));
    await pass(watch, 'skipped', first, at(0));
    // The refresh decided on `first` and wrote `refreshed`; the next pass sees what it wrote.
    const refreshed = await put(login(3));
    expect(await pass(watch, 'refreshed', first, at(60_000), 'earlier', refreshed)).toEqual({
      loginAt: 'earlier',
      events: [],
    });
    expect(await pass(watch, 'skipped', refreshed, at(120_000), 'earlier')).toEqual({
      loginAt: 'earlier',
      events: [],
    });
  });

  it('warns once before the session ends, counted from the login, and not while held', async () => {
    const watch = new LoginWatch();
    const raw = await put(login(1));
    const loginAt = T0.toISOString();
    const held = await watch.afterPass({
      supervised: { session: session(), settings },
      result: result('reauth_required', raw),
      held: true,
      loginAt,
      now: at(7.75 * HOUR),
    });
    expect(held.events).toEqual([]);
    expect((await pass(watch, 'skipped', raw, at(7.4 * HOUR), loginAt)).events).toEqual([]);
    const due = await pass(watch, 'skipped', raw, at(7.6 * HOUR), loginAt);
    expect(due.events.map((e) => [e.type, e.expiresAt])).toEqual([
      ['session.ending', at(8 * HOUR).toISOString()],
    ]);
    expect((await pass(watch, 'skipped', raw, at(7.7 * HOUR), loginAt)).events).toEqual([]);
  });

  it('reads the registration end from the cache file', async () => {
    const watch = new LoginWatch();
    const raw = await put(login(1));
    const ending = await put({ ...login(1), registrationExpiresAt: at(48 * HOUR).toISOString() });
    expect(raw).not.toBe(ending);
    const { events } = await pass(watch, 'skipped', ending, at(0));
    expect(events.map((e) => e.type)).toEqual(['session.ending']);
    expect(events[0].message).toContain('client registration ends 2026-11-24 09:00 UTC');
  });

  it('computes the session end only when both parts are known', () => {
    expect(LoginWatch.sessionEndsAt(settings, T0.toISOString())).toBe(at(8 * HOUR).toISOString());
    expect(LoginWatch.sessionEndsAt(settings, undefined)).toBeUndefined();
    expect(
      LoginWatch.sessionEndsAt({ ...settings, sessionDuration: undefined }, T0.toISOString()),
    ).toBeUndefined();
  });
});

describe(`${SessionWorker.name} with sessionDuration`, () => {
  let now: Date;
  let events: SupervisorEvent[];
  let states: WorkerState[];
  let worker: SessionWorker | undefined;
  const fresh = { accessToken: `${SECRET_MARK}-access-new`, expiresIn: 3600 };

  beforeEach(() => {
    now = T0;
    events = [];
    states = [];
  });
  afterEach(() => {
    worker?.stop();
    expect(JSON.stringify({ events, states })).not.toContain(SECRET_MARK);
  });

  function startWorker(carriedOver?: Record<string, { loginAt?: string }>): SessionWorker {
    worker = new SessionWorker(
      { session: session(), settings },
      {
        refresher: new SessionRefresher(new FakeTokenRefresher(() => fresh)),
        publish: (event) => events.push(event),
        logger: new RecordingLogger(),
        clock: { now: () => now },
        onState: (_id, state) => states.push(state),
        carriedOver,
      },
    );
    worker.start();
    return worker;
  }

  it('records a new login and the estimated end in its state, and warns once before that end', async () => {
    await put(sampleToken(at(HOUR)));
    const w = startWorker();
    await w.check();
    expect(states.at(-1)?.loginAt).toBeUndefined();
    now = at(10 * 60_000);
    await put(sampleToken(at(2 * HOUR), { accessToken: `${SECRET_MARK}-access-login` }));
    await w.check();
    expect(states.at(-1)).toMatchObject({
      loginAt: now.toISOString(),
      sessionEndsAt: at(8 * HOUR + 10 * 60_000).toISOString(),
    });
    for (const minutes of [7 * 60 + 39, 7 * 60 + 41, 7 * 60 + 50]) {
      now = at(minutes * 60_000);
      // Refreshed on the way (the fake hands out one-hour tokens): our own writes are no login.
      await w.check();
    }
    expect(events.filter((e) => e.type === 'session.ending').map((e) => e.time)).toEqual([
      at((7 * 60 + 41) * 60_000).toISOString(),
    ]);
    expect(states.at(-1)?.loginAt).toBe(at(10 * 60_000).toISOString());
  });

  it('carries the last login over from the previous run', () => {
    startWorker({ corp: { loginAt: T0.toISOString() } });
    expect(states[0]).toMatchObject({ loginAt: T0.toISOString(), sessionEndsAt: at(8 * HOUR).toISOString() });
  });
});
