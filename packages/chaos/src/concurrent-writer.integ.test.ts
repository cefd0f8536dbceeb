import { setTimeout as sleep } from 'node:timers/promises';
import { readCachedToken } from '@sso-supervisor/core';
import { writeCachedLogin } from '@sso-supervisor/emulator';
import { CachePoller } from './support/cache-poller';
import { ChaosWorld } from './support/chaos-world';
import { scaled } from './support/scaled';
import { seededRandom } from './support/seeded-random';
import { until } from './support/until';

const DURATION_MS = scaled({ short: 10_000, full: 60_000 });
const RACE_MS = scaled({ short: 8_000, full: 30_000 });

/**
 * A loop rewriting the cache file with new logins in place, as `aws sso login` (AWS CLI v2) does, while the
 * daemon refreshes every login it sees. Each login is due at once and CreateToken is slow, so the writer
 * lands in the middle of refreshes. Before every write the file must hold the previous login (or the
 * daemon's refresh of it, same client): a refresh of an older login must never overwrite a newer one.
 */
describe('concurrent writers against sso-supervisor run', () => {
  it(
    `the newest login always survives ${DURATION_MS / 1000} s of rewrites`,
    async () => {
      const random = seededRandom();
      const world = await ChaosWorld.create('writer', { sessions: [{ name: 'dev', profiles: ['dev-a'] }] });
      const { cacheFile, startUrl } = world.home.sessions.dev;
      world.emulator.setLatency(150);
      try {
        const d = world.startDaemon();
        await d.waitFor(() => d.events('supervisor.started').length === 1);
        let last = world.home.sessions.dev.login!;
        const lost: string[] = [];
        let logins = 0;
        const end = Date.now() + DURATION_MS;
        while (Date.now() < end) {
          const read = await readCachedToken(cacheFile);
          if (read.status !== 'ok') lost.push(`before login ${logins + 1}: ${read.status}`);
          else if (read.token.clientId !== last.clientId)
            lost.push(`before login ${logins + 1}: the file holds an older login's refresh`);
          last = world.emulator.seedLogin({ startUrl, region: 'us-east-1', accessTokenTtlSeconds: 5 });
          await writeCachedLogin(cacheFile, last);
          logins += 1;
          await sleep(random.between(20, 400));
        }
        const poller = new CachePoller(world.home.cacheDir);
        await until('the daemon to refresh the last login', async () => {
          const read = await readCachedToken(cacheFile);
          return read.status === 'ok' && read.token.accessToken !== last.accessToken;
        });
        expect(await d.stop()).toBe(0);
        expect((await poller.stop()).invalid).toEqual([]);

        expect(lost).toEqual([]);
        const final = await readCachedToken(cacheFile);
        expect(final.status).toBe('ok');
        if (final.status === 'ok') {
          expect(final.token.clientId).toBe(last.clientId);
          expect(final.token.accessToken).not.toBe(last.accessToken);
        }
        const refreshes = d.events('token.refreshed', 'dev').length;
        const stats = {
          seed: random.seed,
          logins,
          refreshes,
          refreshCalls: world.emulator.calls.createToken.refresh_token,
          reauthRequired: d.events('session.reauth_required', 'dev').length,
          restored: d.events('session.restored', 'dev').length,
        };
        console.info(`concurrent writer: ${JSON.stringify(stats)}`);
        expect(refreshes).toBeGreaterThan(1);
        // A file caught half-written is a login landing, not a reason to ask for one.
        expect(d.events('session.reauth_required')).toEqual([]);
        expect(await world.leaks()).toEqual([]);
      } finally {
        await world.close();
      }
    },
    DURATION_MS + 60_000,
  );

  it(
    'a one-shot refresh racing the daemon for the same refresh token never asks for a login',
    async () => {
      // Every session is due at every tick, refresh tokens rotate, and CreateToken is slow: the daemon and
      // `refresh --force` keep spending the same refresh token at the same moment; one of them loses.
      const world = await ChaosWorld.create('race', {
        sessions: [{ name: 'dev', profiles: ['dev-a'] }],
        config: { threshold: '1h' },
      });
      world.emulator.setLatency(100);
      try {
        const d = world.startDaemon();
        await d.waitFor(() => d.events('token.refreshed', 'dev').length >= 1);
        const outcomes: Record<string, number> = {};
        const end = Date.now() + RACE_MS;
        while (Date.now() < end) {
          const run = await world.cli(['refresh', '--force', '--json']);
          const outcome = String(JSON.parse(run.stdout).results[0].outcome);
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        }
        await sleep(1500);
        expect(await d.stop()).toBe(0);
        const stats = {
          outcomes,
          daemonRefreshes: d.events('token.refreshed', 'dev').length,
          refreshCalls: world.emulator.calls.createToken.refresh_token,
        };
        console.info(`one-shot refresh racing the daemon: ${JSON.stringify(stats)}`);
        expect(d.events('session.reauth_required')).toEqual([]);
        expect(Object.keys(outcomes)).toEqual(['refreshed']);
        expect((await world.cli(['refresh', '--force', '--json'])).code).toBe(0);
        expect(await world.leaks()).toEqual([]);
      } finally {
        await world.close();
      }
    },
    RACE_MS + 60_000,
  );
});
