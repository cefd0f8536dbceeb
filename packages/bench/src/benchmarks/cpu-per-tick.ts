import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchOptions } from '../bench-options';
import { BenchDaemon } from '../bench-daemon';
import type { BenchRow } from '../bench-row';
import { createBenchWorld } from '../bench-world';
import { formatRatio } from '../format-ratio';
import { IdleNode } from '../idle-node';
import { readCpuMs } from '../read-cpu-ms';

const SESSIONS = 100;
const TARGET_MS = 20;
const config = (schedule: string) => `version: 1
defaults:
  schedule: "${schedule}"
log:
  level: info
`;

/**
 * 4. CPU time per tick of 100 sessions not due, checked every second, beside the same daemon and sessions
 * on a yearly schedule (start-up done, no ticks) over the same window, and an idle bare Node process.
 */
export async function cpuPerTick(opts: BenchOptions): Promise<BenchRow[]> {
  const windowMs = opts.quick ? 6000 : 20_000;
  const world = await createBenchWorld({ sessions: SESSIONS, tokenTtlSeconds: 8 * 3600 });
  const ticking = new BenchDaemon(await world.withConfig('every-second', config('* * * * * *')));
  const resting = new BenchDaemon(await world.withConfig('yearly', config('0 0 1 1 *')));
  const bare = new IdleNode();
  try {
    await Promise.all([ticking.waitFor('supervisor.started'), resting.waitFor('supervisor.started')]);
    await sleep(3000);
    const pids = [ticking.pid, resting.pid, bare.pid];
    const startedAt = Date.now();
    const before = pids.map(readCpuMs);
    await sleep(windowMs);
    const after = pids.map(readCpuMs);
    const endedAt = Date.now();
    // The every-second job fires on each whole second, so the ticks are the second boundaries crossed.
    const ticks = Math.floor(endedAt / 1000) - Math.floor(startedAt / 1000);
    const [tickingMs, restingMs, bareMs] = after.map((ms, i) => ms - before[i]);
    const calls = world.emulator.calls.createToken.refresh_token;
    if (calls !== 0) throw new Error(`${calls} CreateToken calls; nothing was due`);
    const perTick = tickingMs / ticks;
    const restingPerTick = restingMs / ticks;
    return [
      {
        benchmark: `CPU per tick, ${SESSIONS} sessions not due`,
        measured: `${perTick.toFixed(2)} ms`,
        baseline: `${restingPerTick.toFixed(2)} ms (same daemon, no ticks)`,
        ratio: formatRatio(perTick, restingPerTick),
        target: `< ${TARGET_MS} ms`,
        verdict: perTick < TARGET_MS ? 'pass' : 'miss',
        notes: [
          `utime+stime from /proc/PID/stat over ${(endedAt - startedAt) / 1000} s (${ticks} ticks of all ` +
            `${SESSIONS} sessions), 3 s after supervisor.started; every-second daemon ${tickingMs.toFixed(0)} ms, ` +
            `yearly-schedule daemon ${restingMs.toFixed(0)} ms, idle bare node ${bareMs.toFixed(0)} ms`,
          `the measured figure is the whole process's CPU over the window divided by ticks, idle cost included; ` +
            `the ticks alone cost ${((tickingMs - restingMs) / ticks).toFixed(2)} ms each ` +
            `(${((tickingMs - restingMs) / ticks / SESSIONS).toFixed(3)} ms per session check)`,
        ],
      },
    ];
  } finally {
    await Promise.all([ticking.stop(), resting.stop(), bare.stop()]);
    await world.close();
  }
}
