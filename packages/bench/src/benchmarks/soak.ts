import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchOptions } from '../bench-options';
import { BenchDaemon } from '../bench-daemon';
import type { BenchRow } from '../render-report';
import { createBenchWorld } from '../bench-world';
import { formatRatio, median, quarterWindows } from '../stats';
import type { ProbeLine } from '../probe/handles-probe';
import { readRssKb } from '../process-sampling';

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
const min = (values: number[]) => values.reduce((a, b) => Math.min(a, b), Infinity);
const max = (values: number[]) => values.reduce((a, b) => Math.max(a, b), -Infinity);
const each = (quarters: number[][], f: (xs: number[]) => number, unit: (x: number) => string) =>
  quarters.map((q) => unit(f(q))).join(', ');

/**
 * 5. Soak: 50 sessions whose tokens live 2 s, refreshed by the daemon (threshold 1 s, checked every
 * second) until the emulator has answered N CreateToken calls. RSS and active handles (from a probe
 * loaded with --require) of the first quarter of the cycles beside the last quarter.
 */
export async function soak(opts: BenchOptions): Promise<BenchRow[]> {
  const target = opts.cycles ?? (opts.quick ? 1500 : 6000);
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
    const endedAt = Date.now();
    const seconds = (endedAt - startedAt) / 1000;
    // Let the last ticks' events reach the log before counting them.
    await sleep(1500);
    exitCode = await daemon.stop();
    const windows = quarterWindows(samples, target);
    if (!windows) throw new Error(`only ${calls()} of ${target} cycles in ${seconds.toFixed(0)} s`);
    const lines = (await readFile(probeFile, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as ProbeLine)
      .filter((p) => p.t >= startedAt && p.t <= endedAt);
    const probe = lines.flatMap((p) => (p.majorGc ? [] : [p]));
    const rss = windows.split(samples).map((q) => q.map((s) => s.rssKb));
    const quarters = windows.split(probe);
    const handles = quarters.map((q) => q.map((p) => p.active));
    const timers = quarters.map((q) => q.map((p) => p.types.Timeout ?? 0));
    const heapKb = quarters.map((q) => q.map((p) => p.heapUsed / 1024));
    const afterGcKb = windows
      .split(lines.filter((p) => p.majorGc))
      .map((q) => (q.length ? mb(median(q.map((p) => p.heapUsed / 1024))) : 'none'));
    const gcs = windows.split(lines.filter((p) => p.majorGc)).map((q) => q.length);
    const [rssFirst, rssLast] = [median(rss[0]), median(rss[3])];
    const growthMb = (rssLast - rssFirst) / 1024;
    const [handlesFirst, handlesLast] = [median(handles[0]), median(handles[3])];
    const bad = BAD_EVENTS.map((type) => `${type} ${daemon.count(type)}`).join(', ');
    const healthy = BAD_EVENTS.every((type) => daemon.count(type) === 0) && exitCode === 0;
    const run =
      `${calls()} CreateToken calls (target ${target}) from ${SESSIONS} sessions in ${seconds.toFixed(0)} s ` +
      `(${(calls() / seconds).toFixed(1)} per second); token.refreshed logged ${daemon.count('token.refreshed')}; ` +
      `${bad}; daemon exit code ${exitCode} on SIGTERM; emulator state at the end ` +
      `${JSON.stringify(world.emulator.stateSize())}`;
    return [
      {
        benchmark: `soak, ${target} refresh cycles, RSS`,
        measured: `${mb(rssLast)} (last quarter)`,
        baseline: `${mb(rssFirst)} (first quarter)`,
        ratio: formatRatio(rssLast, rssFirst),
        target: `growth < ${TARGET_GROWTH_MB} MB`,
        verdict: growthMb < TARGET_GROWTH_MB && healthy ? 'pass' : 'miss',
        notes: [
          `growth ${growthMb.toFixed(2)} MB between the medians of 1 s VmRSS samples in the first and last ` +
            `quarter of the cycles (${rss[0].length} and ${rss[3].length} samples)`,
          run,
          `by quarter: RSS median ${each(rss, median, mb)}; RSS max ${each(rss, max, mb)}`,
          `by quarter: heapUsed median ${each(heapKb, median, mb)}; major GCs ${gcs.join(', ')}, heapUsed ` +
            `right after them (close to the live heap) ${afterGcKb.join(', ')}`,
        ],
      },
      {
        benchmark: `soak, ${target} refresh cycles, active handles`,
        measured: `${handlesLast} (last quarter)`,
        baseline: `${handlesFirst} (first quarter)`,
        ratio: formatRatio(handlesLast, handlesFirst),
        target: 'no growth',
        verdict: handlesLast <= max(handles[0]) ? 'pass' : 'miss',
        notes: [
          `process.getActiveResourcesInfo().length once a second from a --require probe (its own timer ` +
            `included), medians; passes when the last quarter's median is within the first quarter's range`,
          `by quarter: handles min-max ${handles.map((q) => `${min(q)}-${max(q)}`).join(', ')}; Timeout ` +
            `entries (timers) min-max ${timers.map((q) => `${min(q)}-${max(q)}`).join(', ')}`,
          `last probe line's resources: ${JSON.stringify(probe.at(-1)?.types ?? {})}`,
        ],
      },
    ];
  } finally {
    if (exitCode === null) await daemon.stop();
    await world.close();
  }
}
