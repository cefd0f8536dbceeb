import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CachedToken, formatCachedToken } from '../cache/cached-token';
import type { TokenRefresher } from '../engine/oidc-refresher';
import { SessionRefresher } from '../engine/session-refresher';
import { ReauthRequiredError, TransientError } from '../errors';
import type { SupervisorEvent } from '../events/supervisor-event';
import { defaultConfig } from '../config/supervisor-config';
import { FakeTokenRefresher } from '../test-support/fake-token-refresher';
import { sampleSession } from '../test-support/sample-session';
import { SECRET_MARK, sampleToken } from '../test-support/sample-token';
import { RecordingLogger } from '@sso-supervisor/notifier-api/testing';
import { RECHECK_MS, SessionWorker } from './session-worker';
import type { WorkerState } from './worker-state';

const NOW = new Date('2026-11-22T09:00:00.000Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
/** Never in a test's lifetime, so only explicit check() calls run. */
const FAR = '0 0 1 1 *';
const settings = {
  ...defaultConfig().defaults,
  schedule: FAR,
  retry: { attempts: 1, baseDelay: 1, maxDelay: 1 },
};
const fresh = { accessToken: `${SECRET_MARK}-access-new`, expiresIn: 3600 };

let dir: string;
let now: Date;
let events: SupervisorEvent[];
let states: WorkerState[];
let logger: RecordingLogger;
let worker: SessionWorker | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sso-worker-'));
  now = NOW;
  events = [];
  states = [];
  logger = new RecordingLogger();
});
afterEach(async () => {
  worker?.stop();
  worker = undefined;
  const output = JSON.stringify({ events, states }) + logger.text();
  expect(output).not.toContain(SECRET_MARK);
  await rm(dir, { recursive: true, force: true });
});

const session = () => sampleSession(dir, 'corp');
const put = (token: CachedToken) => writeFile(session().cacheFile, formatCachedToken(token));
const types = () => events.map((e) => e.type);

function startWorker(
  refresher: TokenRefresher,
  schedule = FAR,
  remindMs?: number,
  browser?: { mode: 'notify' | 'browser'; links: string[] },
): SessionWorker {
  const reauth = remindMs === undefined ? settings.reauth : { remind: remindMs };
  worker = new SessionWorker(
    { session: session(), settings: { ...settings, schedule, reauth } },
    {
      refresher: new SessionRefresher(refresher),
      publish: (event) => events.push(event),
      logger,
      clock: { now: () => now },
      ...(browser && {
        reauth: () => ({ mode: browser.mode, backoffMs: 0 }),
        loginLink: () => {
          browser.links.push(`http://127.0.0.1:1/login/corp?t=${browser.links.length}`);
          return browser.links.at(-1);
        },
      }),
      onState: (id, state) => {
        expect(id).toBe('corp');
        states.push(state);
      },
    },
  );
  worker.start();
  return worker;
}

function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(SessionWorker.name, () => {
  it('reads, decides, refreshes and writes on check(), then tells token.refreshed', async () => {
    await put(sampleToken(minutes(5)));
    const fake = new FakeTokenRefresher(() => fresh);
    await startWorker(fake).check();
    expect(fake.grants).toHaveLength(1);
    const written = JSON.parse(await readFile(session().cacheFile, 'utf8')) as CachedToken;
    expect(written).toMatchObject({ accessToken: fresh.accessToken, expiresAt: '2026-11-22T10:00:00Z' });
    expect(events).toEqual([expect.objectContaining({ type: 'token.refreshed', session: 'corp' })]);
    expect(fake.retries).toEqual([{ attempts: 1, baseDelay: 1, maxDelay: 1, timeout: settings.timeout }]);
  });

  it('joins a check() made while another runs instead of starting a second', async () => {
    await put(sampleToken(minutes(5)));
    const held = gate();
    const fake = new FakeTokenRefresher(async () => {
      await held.opened;
      return fresh;
    });
    const w = startWorker(fake);
    const first = w.check();
    expect(w.check()).toBe(first);
    held.open();
    await first;
    expect(fake.grants).toHaveLength(1);
    expect(types()).toEqual(['token.refreshed']);
  });

  it('makes no refresher call after reauth_required until the cache file changes', async () => {
    await put(sampleToken(minutes(5)));
    const fake = new FakeTokenRefresher((grant, call) => {
      if (call === 1) throw new ReauthRequiredError('refresh token expired', grant.loginCommand);
      return fresh;
    });
    const w = startWorker(fake);
    await w.check();
    expect(w.held).toBe(true);
    now = minutes(1);
    await w.check();
    await w.check();
    expect(fake.grants).toHaveLength(1);
    expect(types()).toEqual(['session.reauth_required']);
    await put(sampleToken(minutes(10), { accessToken: `${SECRET_MARK}-access-login` }));
    await w.check();
    expect(w.held).toBe(false);
    expect(fake.grants).toHaveLength(2);
    expect(types()).toEqual(['session.reauth_required', 'session.restored', 'token.refreshed']);
  });

  it('reminds every reauth.remind while the session waits for a login, and never with 0', async () => {
    await put(sampleToken(minutes(5)));
    const dead = () =>
      new FakeTokenRefresher((grant) => {
        throw new ReauthRequiredError('refresh token expired', grant.loginCommand);
      });
    const w = startWorker(dead(), FAR, 60 * 60_000);
    for (const at of [0, 30, 61, 90, 122]) {
      now = minutes(at);
      await w.check();
    }
    expect(types()).toEqual([
      'session.reauth_required',
      'token.expired',
      'session.reauth_required',
      'session.reauth_required',
    ]);
    const [, , first, second] = events;
    expect(first).toMatchObject({
      severity: 'error',
      command: 'aws sso login --sso-session corp',
      time: minutes(61).toISOString(),
      message: expect.stringMatching(/\(reminder: waiting for a login since 2026-11-22T09:00:00.000Z\)$/),
    });
    expect(second.time).toBe(minutes(122).toISOString());
    w.stop();
    events = [];
    now = NOW;
    await put(sampleToken(minutes(5)));
    const never = startWorker(dead(), FAR, 0);
    for (const at of [0, 300, 600]) {
      now = minutes(at);
      await never.check();
    }
    expect(types().filter((t) => t === 'session.reauth_required')).toHaveLength(1);
  });

  it('reauth.mode browser: each session.reauth_required, reminders too, carries a new login link', async () => {
    await put(sampleToken(minutes(5)));
    const dead = () =>
      new FakeTokenRefresher((grant) => {
        throw new ReauthRequiredError('refresh token expired', grant.loginCommand);
      });
    const browser = { mode: 'browser' as const, links: [] as string[] };
    const w = startWorker(dead(), FAR, 60 * 60_000, browser);
    for (const at of [0, 61]) {
      now = minutes(at);
      await w.check();
    }
    const asked = events.filter((e) => e.type === 'session.reauth_required');
    expect(asked.map((e) => e.loginUrl)).toEqual(browser.links);
    expect(browser.links).toHaveLength(2);
    expect(events.filter((e) => e.type !== 'session.reauth_required').every((e) => !e.loginUrl)).toBe(true);
    w.stop();
    events = [];
    await put(sampleToken(minutes(5)));
    const notify = { mode: 'notify' as const, links: [] as string[] };
    await startWorker(dead(), FAR, 60 * 60_000, notify).check();
    expect(events.find((e) => e.type === 'session.reauth_required')).not.toHaveProperty('loginUrl');
    expect(notify.links).toEqual([]);
  });

  it('waits for a cache file that does not exist yet, then tells session.restored', async () => {
    const fake = new FakeTokenRefresher(() => fresh);
    const w = startWorker(fake);
    await w.check();
    await w.check();
    expect(types()).toEqual(['session.reauth_required']);
    expect(events[0].command).toBe('aws sso login --sso-session corp');
    await put(sampleToken(minutes(60)));
    await w.check();
    expect(types()).toEqual(['session.reauth_required', 'session.restored']);
    expect(fake.grants).toHaveLength(0);
  });

  it('tells token.expired once when the access token lapses while it waits for a login', async () => {
    await put(sampleToken(minutes(5), { refreshToken: undefined }));
    const w = startWorker(new FakeTokenRefresher(() => fresh));
    await w.check();
    now = minutes(4);
    await w.check();
    expect(types()).toEqual(['session.reauth_required']);
    now = minutes(6);
    await w.check();
    now = minutes(7);
    await w.check();
    expect(types()).toEqual(['session.reauth_required', 'token.expired']);
    expect(events[1]).toMatchObject({ severity: 'error', expiresAt: '2026-11-22T09:05:00Z' });
  });

  it('publishes its state: next check on start, then last check, last refresh and failures', async () => {
    await put(sampleToken(minutes(5)));
    const fake = new FakeTokenRefresher((_grant, call) => {
      if (call === 1) throw new TransientError('refresh failed: timeout');
      return fresh;
    });
    const w = startWorker(fake);
    expect(states).toEqual([{ name: 'corp', consecutiveFailures: 0, nextCheck: expect.any(String) }]);
    const nextCheck = states[0].nextCheck!;
    expect(Date.parse(nextCheck)).toBeGreaterThan(Date.now());
    await w.check();
    expect(states[1]).toMatchObject({
      lastCheck: NOW.toISOString(),
      consecutiveFailures: 1,
      state: 'failed',
      lastError: 'refresh failed: timeout',
      nextCheck,
    });
    expect(states[1].lastRefresh).toBeUndefined();
    now = minutes(1);
    await w.check();
    expect(states[2]).toEqual({
      name: 'corp',
      lastCheck: now.toISOString(),
      lastRefresh: now.toISOString(),
      consecutiveFailures: 0,
      nextCheck,
    });
  });

  it('rebuilds its cron job only when the schedule changes', () => {
    const w = startWorker(new FakeTokenRefresher(() => fresh));
    w.retune({ session: session(), settings: { ...settings, threshold: 5 * 60_000 } });
    expect(states).toHaveLength(1);
    expect(w.current.settings.threshold).toBe(5 * 60_000);
    w.retune({ session: session(), settings: { ...settings, schedule: '0 0 1 6 *' } });
    expect(states).toHaveLength(2);
    expect(states[1].nextCheck).not.toBe(states[0].nextCheck);
  });

  it('checks on its cron schedule, and no more once stopped', async () => {
    await put(sampleToken(minutes(60)));
    const fake = new FakeTokenRefresher(() => fresh);
    const w = startWorker(fake, '* * * * * *');
    for (let waited = 0; states.length < 2 && waited < 3_000; waited += 20) await pause(20);
    expect(states[1]?.lastCheck).toBe(NOW.toISOString());
    w.stop();
    await w.drain(1_000);
    const seen = states.length;
    await pause(1_200);
    expect(states).toHaveLength(seen);
  });

  it('skips the pass on ticks while quiet; a file change, RECHECK_MS or the refresh point ends that', async () => {
    await put(sampleToken(minutes(60)));
    const fake = new FakeTokenRefresher(() => fresh);
    const w = startWorker(fake);
    const lastCheck = async () => {
      await pause(30);
      return states.at(-1)?.lastCheck;
    };
    await w.check();
    const at = (ms: number) => (now = new Date(NOW.getTime() + ms));

    at(10_000);
    w.tick();
    expect(await lastCheck()).toBe(NOW.toISOString());

    w.cacheChanged();
    w.tick();
    expect(await lastCheck()).toBe(at(10_000).toISOString());

    at(10_000 + RECHECK_MS - 1);
    w.tick();
    expect(await lastCheck()).toBe(at(10_000).toISOString());
    w.tick();
    at(10_000 + RECHECK_MS);
    w.tick();
    expect(await lastCheck()).toBe(at(10_000 + RECHECK_MS).toISOString());

    // Threshold 20 minutes: the refresh point of a token that ends in 20 minutes and 15 seconds.
    await put(sampleToken(minutes(20.25)));
    at(0);
    await w.check();
    at(14_000);
    w.tick();
    expect(await lastCheck()).toBe(NOW.toISOString());
    at(16_000);
    w.tick();
    expect(await lastCheck()).toBe(at(16_000).toISOString());
    expect(fake.grants).toHaveLength(1);
  });

  it('drains: waits for the running check to finish', async () => {
    await put(sampleToken(minutes(5)));
    const held = gate();
    const fake = new FakeTokenRefresher(async () => {
      await held.opened;
      return fresh;
    });
    const w = startWorker(fake);
    void w.check();
    w.stop();
    let drained = false;
    const draining = w.drain(5_000).then(() => (drained = true));
    await pause(50);
    expect(drained).toBe(false);
    held.open();
    await draining;
    expect(types()).toEqual(['token.refreshed']);
  });

  it('drains: aborts a running check once the grace time is over', async () => {
    await put(sampleToken(minutes(5)));
    const hanging: TokenRefresher = {
      refresh: (_grant, signal) =>
        new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
      destroy: () => {},
    };
    const w = startWorker(hanging);
    const check = w.check();
    w.stop();
    await w.drain(50);
    await check;
    expect(types()).toEqual(['token.refresh_failed']);
    expect(events[0].error).toContain('abort');
  });
});
