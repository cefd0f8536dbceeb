import { readCachedToken } from '@sso-supervisor/core';
import type { Emulator, Fault } from '@sso-supervisor/emulator';
import { CachePoller } from './support/cache-poller';
import type { DaemonProcess } from '@sso-supervisor/cli/testing';
import { ChaosWorld } from './support/chaos-world';
import { scaled } from './support/scaled';
import { until } from './support/until';

const BURST = scaled({ short: { faults: 6, bursts: 1 }, full: { faults: 20, bursts: 3 } });

/** How one burst is served: queued faults for the next requests, or a server that is slow for a while. */
type Trouble = { fault: Fault } | { latencyMs: number };

const TROUBLES: [string, Trouble][] = [
  ['HTTP 500 InternalServerException', { fault: { kind: 'status', status: 500 } }],
  [
    'HTTP 503 with no error type and an empty body',
    { fault: { kind: 'status', status: 503, errorType: '' } },
  ],
  ['HTTP 429 with Retry-After', { fault: { kind: 'status', status: 429, retryAfterSeconds: 1 } }],
  ['HTTP 429 without Retry-After', { fault: { kind: 'status', status: 429 } }],
  ['a timeout (held past the 1 s limit)', { fault: { kind: 'timeout', delayMs: 1500 } }],
  ['a connection reset', { fault: { kind: 'reset' } }],
  ['a malformed JSON body', { fault: { kind: 'malformed' } }],
  ['an empty body', { fault: { kind: 'empty' } }],
  ['a response without accessToken', { fault: { kind: 'missing-field', field: 'accessToken' } }],
  ['a response without expiresIn', { fault: { kind: 'missing-field', field: 'expiresIn' } }],
  ['a slow server answering after the timeout', { latencyMs: 1500 }],
];

const refreshCalls = (emulator: Emulator) => emulator.calls.createToken.refresh_token;

/**
 * Serves `BURST.faults` failed refresh attempts, then lets the next one through. A session that gives up
 * (asks for a login) makes no more attempts, so that ends the wait at once with what the daemon said.
 */
async function burst(emulator: Emulator, d: DaemonProcess, trouble: Trouble): Promise<void> {
  const target = refreshCalls(emulator) + BURST.faults;
  if ('fault' in trouble) emulator.injectFault('createToken', trouble.fault, BURST.faults);
  else emulator.setLatency(trouble.latencyMs);
  await until(
    `${BURST.faults} faulted refresh attempts`,
    () => {
      const gaveUp = d.events('session.reauth_required')[0];
      if (gaveUp) throw new Error(`the session gave up during the burst: ${gaveUp.message}`);
      return refreshCalls(emulator) >= target;
    },
    120_000,
  );
  emulator.setLatency(0);
}

/**
 * Each fault through the real daemon and the emulator: bursts of failed refreshes, then the fault clears.
 * The session must end refreshed, no cache file may ever read as invalid, and each burst must cost one
 * token.refresh_failed notification, not one per attempt (the notifier has no cooldown to hide repeats).
 */
describe('faults survived by sso-supervisor run', () => {
  it.concurrent.each(TROUBLES)(
    '%s',
    async (_label, trouble) => {
      const world = await ChaosWorld.create('fault', { sessions: [{ name: 'dev', profiles: ['dev-a'] }] });
      const poller = new CachePoller(world.home.cacheDir);
      try {
        const d = world.startDaemon();
        await d.waitFor(() => d.events('token.refreshed', 'dev').length >= 1);
        for (let i = 0; i < BURST.bursts; i++) {
          await burst(world.emulator, d, trouble);
          const seen = d.events('token.refreshed', 'dev').length;
          await d.waitFor(() => d.events('token.refreshed', 'dev').length > seen, 30_000);
        }
        expect(await d.stop()).toBe(0);
        const { reads, invalid } = await poller.stop();
        expect(invalid).toEqual([]);
        expect(reads).toBeGreaterThan(100);

        expect(d.events('session.reauth_required')).toEqual([]);
        expect(d.events('token.refresh_failed', 'dev')).toHaveLength(BURST.bursts);
        expect(world.deliveries('token.refresh_failed', 'dev')).toHaveLength(BURST.bursts);
        const failure = world.deliveries('token.refresh_failed', 'dev')[0];
        expect(failure.message).toMatch(/could not be refreshed/);
        // The last word about the session is a refresh, and the file holds a token the emulator issued.
        expect(
          world
            .deliveries()
            .filter((e) => e.session === 'dev')
            .at(-1)?.type,
        ).toBe('token.refreshed');
        const read = await readCachedToken(world.home.sessions.dev.cacheFile);
        expect(read.status).toBe('ok');
        if (read.status === 'ok') {
          expect(world.emulator.issuedSecrets()).toContain(read.token.accessToken);
          expect(Date.parse(read.token.expiresAt)).toBeGreaterThan(Date.now());
        }
        expect(await world.leaks()).toEqual([]);
      } finally {
        await poller.stop();
        await world.close();
      }
    },
    scaled({ short: 90_000, full: 400_000 }),
  );
});
