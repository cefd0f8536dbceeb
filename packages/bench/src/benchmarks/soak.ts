import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchOptions } from '../bench-options';
import { BenchDaemon } from '../bench-daemon';
import type { BenchRow } from '../bench-row';
import { createBenchWorld } from '../bench-world';
import { formatRatio } from '../format-ratio';
import { median } from '../median';
import type { ProbeLine } from '../probe-line';
import { quarterWindows } from '../quarter-windows';
import { readRssKb } from '../read-rss-kb';

const SESSIONS = 50;
const TOKEN_TTL_SECONDS = 2;
const TARGET_GROWTH_MB = 5;
const CONFIG = `version: 1
defaults:
  schedule: "* * * * * *"
  threshold: 1s
  retry: { attempts: 3, baseDelay: 200ms, maxDelay: 1s }
  timeout: 5s
log:
  level: info
`;
const BAD_EVENTS = ['token.refresh_failed', 'token.expired', 'session.reauth_required'];

const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`;
const max = (values: number[]) => values.reduce((a, b) => Math.max(a, b), -Infinity);

/**
 * 5. Soak: 50 sessions whose tokens live 2 s, refreshed by the daemon (threshold 1 s, checked every
 * second) until the emulator has answered N CreateToken calls. RSS and active handles (from a probe
 * loaded with --require) of the first quarter of the cycles beside the last quarter.
 */
export async function soak(opts: BenchOptions): Promise<BenchRow[]> {
  const target = opts.cycles ?? (opts.quick ? 300 : 3000);
  // At least 5 cycles a second are expected (50 sessions, a refresh every 1-2 s each); beyond that, give up.
  const deadline = Date.now() + 60_000 + (target / 5) * 1000;
  const world = await createBenchWorld({
    sessions: SESSIONS,
    tokenTtlSeconds: TOKEN_TTL_SECONDS,
    emulator: { accessTokenTtlSeconds: TOKEN_TTL_SECONDS },
  });
  const probeFile = join(world.dir, 'probe.jsonl');
  const env = { ...(await world.withConfig('soak', CONFIG)), SSO_BENCH_PROBE_FILE: probeFile };
  const daemon = new BenchDaemon(env, ['--require', join(__dirname, '..', 'probe', 'handles-probe.js')]);
  const samples: { t: number; cycles: number; rssKb: number }[] = [];
  const calls = () => world.emulator.calls.createToken.refresh_token;
  let exitCode: number | null = null;
  try {
    await daemon.waitFor('supervisor.started');
    const startedAt = Date.now();
    while (calls() < target && Date.now() < deadline) {
      await sleep(1000);
      samples.push({ t: Date.now(), cycles: calls(), rssKb: readRssKb(daemon.pid) });
    }
    const seconds = (Date.now() - startedAt) / 1000;
    // Let the last ticks' events reach the log before counting them.
    await sleep(1500);
    exitCode = await daemon.stop();
    const windows = quarterWindows(samples, target);
    if (!windows) throw new Error(`only ${calls()} of ${target} cycles in ${seconds.toFixed(0)} s`);
    const probe = (await readFile(probeFile, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as ProbeLine);
    const first = <T extends { t: number }>(xs: T[]) => xs.filter((x) => x.t <= windows.firstEnd);
    const last = <T extends { t: number }>(xs: T[]) => xs.filter((x) => x.t >= windows.lastStart);
    const rssFirst = median(first(samples).map((s) => s.rssKb));
    const rssLast = median(last(samples).map((s) => s.rssKb));
    const growthMb = (rssLast - rssFirst) / 1024;
    const active = (xs: ProbeLine[]) => xs.map((p) => p.active);
    const timers = (xs: ProbeLine[]) => xs.map((p) => p.types.Timeout ?? 0);
    const heap = (xs: ProbeLine[]) => median(xs.map((p) => p.heapUsed)) / 1024;
    const probeRunning = probe.filter((p) => p.t >= startedAt);
    const [pFirst, pLast] = [first(probeRunning), last(probeRunning)];
    const handlesFirst = median(active(pFirst));
    const handlesLast = median(active(pLast));
    const bad = BAD_EVENTS.map((type) => `${type} ${daemon.count(type)}`).join(', ');
    const badTotal = BAD_EVENTS.reduce((n, type) => n + daemon.count(type), 0);
    const state = world.emulator.stateSize();
    const context = [
      `${calls()} CreateToken calls (target ${target}) from ${SESSIONS} sessions in ${seconds.toFixed(0)} s ` +
        `(${(calls() / seconds).toFixed(1)} per second); token.refreshed logged ${daemon.count('token.refreshed')}; ` +
        `${bad}; daemon exit code ${exitCode} on SIGTERM`,
      `quarters by cycle count: ${first(samples).length} RSS samples in the first, ${last(samples).length} in ` +
        `the last; RSS min ${mb(Math.min(...samples.map((s) => s.rssKb)))}, max ${mb(max(samples.map((s) => s.rssKb)))}`,
      `heapUsed median ${mb(heap(pFirst))} first quarter, ${mb(heap(pLast))} last quarter`,
      `emulator state at the end: ${JSON.stringify(state)}`,
    ];
    const healthy = badTotal === 0 && exitCode === 0;
    return [
      {
        benchmark: `soak, ${target} refresh cycles, RSS`,
        measured: `${mb(rssLast)} (last quarter)`,
        baseline: `${mb(rssFirst)} (first quarter)`,
        ratio: formatRatio(rssLast, rssFirst),
        target: `growth < ${TARGET_GROWTH_MB} MB`,
        verdict: growthMb < TARGET_GROWTH_MB && healthy ? 'pass' : 'miss',
        notes: [`growth ${growthMb.toFixed(2)} MB (medians of 1 s VmRSS samples)`, ...context],
      },
      {
        benchmark: `soak, ${target} refresh cycles, active handles`,
        measured: `${handlesLast} (last quarter)`,
        baseline: `${handlesFirst} (first quarter)`,
        ratio: formatRatio(handlesLast, handlesFirst),
        target: 'no growth',
        verdict: handlesLast <= max(active(pFirst)) ? 'pass' : 'miss',
        notes: [
          `process.getActiveResourcesInfo().length once a second (the probe's own timer included); medians; ` +
            `first quarter range ${Math.min(...active(pFirst))}-${max(active(pFirst))}, last quarter ` +
            `${Math.min(...active(pLast))}-${max(active(pLast))}; passes when the last quarter's median is ` +
            `within the first quarter's range`,
          `Timeout entries (timers): median ${median(timers(pFirst))} first quarter, ${median(timers(pLast))} ` +
            `last quarter; max ${max(timers(pFirst))} / ${max(timers(pLast))}`,
          `last probe line's resources: ${JSON.stringify(probeRunning.at(-1)?.types ?? {})}`,
        ],
      },
    ];
  } finally {
    if (exitCode === null) await daemon.stop();
    await world.close();
  }
}
