import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CachePoller } from './support/cache-poller';
import { ChaosWorld } from './support/chaos-world';
import { scaled } from './support/scaled';

const RACE_MS = scaled({ short: 8_000, full: 60_000 });

/**
 * A boto3 program that builds a fresh client again and again: each time botocore's SSOTokenProvider reads
 * the cache file and, under 15 min left, spends the refresh token itself and rewrites the file in place,
 * here 1.5 s after the answer (a slow disk). Prints how its refreshes went.
 */
const BOTOCORE_LOOP = `
import logging, os, sys, time, botocore.session, botocore.utils
from botocore.tokens import SSOTokenProvider
profile, stop_file, write_delay = sys.argv[1], sys.argv[2], float(sys.argv[3])
# A slow disk: each of botocore's writes lands write_delay seconds after its CreateToken answered.
save = botocore.utils.SSOTokenLoader.save_token
def slow_save(self, *args, **kwargs):
    time.sleep(write_delay)
    save(self, *args, **kwargs)
botocore.utils.SSOTokenLoader.save_token = slow_save
counts = {'loads': 0, 'refreshed': 0, 'refresh_failed': 0}
class Count(logging.Handler):
    def emit(self, record):
        message = record.getMessage()
        if message.startswith('SSO Token refresh succeeded'): counts['refreshed'] += 1
        if message.startswith('SSO token refresh attempt failed'): counts['refresh_failed'] += 1
log = logging.getLogger('botocore.tokens')
log.setLevel(logging.INFO)
log.addHandler(Count())
log.propagate = False
session = botocore.session.Session(profile=profile)
while not os.path.exists(stop_file):
    SSOTokenProvider(session).load_token().get_frozen_token()
    counts['loads'] += 1
    time.sleep(0.01)
print(counts)
`;

/**
 * botocore and the daemon refreshing the same session under strict rotation (each refresh token works
 * once), with the daemon's threshold above botocore's 15 min window (20m) and below it (10m). Access tokens
 * live 14 and 10 minutes, so at every look both find the token due and race for the same refresh token.
 */
describe('botocore racing the daemon for one session', () => {
  it.each([
    ['20m', 14 * 60],
    ['10m', 10 * 60],
  ])(
    `threshold %s: no false alert, no lost login, no torn read in ${RACE_MS / 1000} s`,
    async (threshold, ttlSeconds) => {
      const world = await ChaosWorld.create('botocore', {
        sessions: [{ name: 'dev', profiles: ['dev-a'], accessTokenTtlSeconds: ttlSeconds }],
        emulator: { accessTokenTtlSeconds: ttlSeconds },
        config: { threshold, timeout: '5s' },
      });
      // Slow answers widen every window between a read, a CreateToken and a write.
      world.emulator.setLatency(300);
      const stopFile = join(world.dir, 'stop-botocore');
      try {
        const poller = new CachePoller(world.home.cacheDir);
        const d = world.startDaemon();
        await d.waitFor(() => d.events('supervisor.started').length === 1);
        const boto = spawn('python3', ['-c', BOTOCORE_LOOP, 'dev-a', stopFile, '1.5'], {
          env: { PATH: process.env.PATH ?? '', ...world.env },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let botoOut = '';
        boto.stdout.on('data', (b) => (botoOut += b));
        boto.stderr.on('data', (b) => (botoOut += b));
        const botoDone = new Promise<number | null>((resolve) => boto.on('close', resolve));
        await sleep(RACE_MS);
        await writeFile(stopFile, '');
        expect(await botoDone).toBe(0);
        // The daemon's last pass may be waiting out a rival's write: let it end before stopping.
        await sleep(6000);
        expect(await d.stop()).toBe(0);
        const { reads, invalid } = await poller.stop();

        const stats = {
          threshold,
          botocore: botoOut.trim(),
          daemonRefreshes: d.events('token.refreshed', 'dev').length,
          refreshCalls: world.emulator.calls.createToken.refresh_token,
          pollerReads: reads,
        };
        console.info(`botocore racing the daemon: ${JSON.stringify(stats)}`);
        // Both sides refreshed: it was a race, not one side doing all the work.
        expect(d.events('token.refreshed', 'dev').length).toBeGreaterThan(0);
        expect(botoOut).toMatch(/'refreshed': [1-9]/);
        expect(d.events('session.reauth_required')).toEqual([]);
        expect(world.deliveries('session.reauth_required')).toEqual([]);
        expect(invalid).toEqual([]);
        // No lost login: the refresh token in the file still works.
        world.emulator.setLatency(0);
        expect((await world.cli(['refresh', 'dev', '--force'])).code).toBe(0);
        expect(await world.leaks()).toEqual([]);
      } finally {
        await writeFile(stopFile, '').catch(() => undefined);
        await world.close();
      }
    },
    RACE_MS + 90_000,
  );
});
