import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchOptions } from '../bench-options';
import { BenchDaemon } from '../bench-daemon';
import type { BenchRow } from '../render-report';
import { createBenchWorld } from '../bench-world';
import { formatRatio } from '../stats';
import { IdleNode } from '../idle-node';
import { readCpuMs } from '../process-sampling';

const SESSIONS = 100;
const TARGET_MS = 20;
const config = (schedule: string, only?: string) => `version: 1
${only ? `sessions:\n  - name: ${only}\n` : ''}defaults:
  schedule: "${schedule}"
log:
  level: info
`;

/**
 * 4. CPU time per tick of 100 sessions not due, checked every second. Beside it over the same window: the
 * same daemon supervising 1 of those sessions every second (the baseline: a tick's fixed cost), the 100
 * on a yearly schedule (idle cost, no ticks), and an idle bare Node process.
 */
export async function cpuPerTick(opts: BenchOptions): Promise<BenchRow[]> {
  const windowMs = opts.quick ? 6000 : 20_000;
  const world = await createBenchWorld({ sessions: SESSIONS, tokenTtlSeconds: 8 * 3600 });
  const daemons = [
    new BenchDaemon(await world.withConfig('every-second', config('* * * * * *'))),
    new BenchDaemon(await world.withConfig('one-session', config('* * * * * *', world.names[0]))),
    new BenchDaemon(await world.withConfig('yearly', config('0 0 1 1 *'))),
  ];
  const bare = new IdleNode();
  try {
    await Promise.all(daemons.map((d) => d.waitFor('supervisor.started')));
    await sleep(3000);
    const pids = [...daemons.map((d) => d.pid), bare.pid];
    const startedAt = Date.now();
    const before = pids.map(readCpuMs);
    await sleep(windowMs);
    const after = pids.map(readCpuMs);
    const endedAt = Date.now();
    // The every-second job fires on each whole second, so the ticks are the second boundaries crossed.
    const ticks = Math.floor(endedAt / 1000) - Math.floor(startedAt / 1000);
    const [all, one, yearly, bareMs] = after.map((ms, i) => ms - before[i]);
    const calls = world.emulator.calls.createToken.refresh_token;
    if (calls !== 0) throw new Error(`${calls} CreateToken calls; nothing was due`);
    const [perTick, onePerTick] = [all / ticks, one / ticks];
    return [
      {
        benchmark: `CPU per tick, ${SESSIONS} sessions not due`,
        measured: `${perTick.toFixed(2)} ms`,
        baseline: `${onePerTick.toFixed(2)} ms (same daemon, 1 session)`,
        ratio: formatRatio(perTick, onePerTick),
        target: `< ${TARGET_MS} ms`,
        verdict: perTick < TARGET_MS ? 'pass' : 'miss',
        notes: [
          `utime+stime from /proc/PID/stat over ${(endedAt - startedAt) / 1000} s (${ticks} ticks), starting 3 s ` +
            `after supervisor.started: ${SESSIONS} sessions every second ${all.toFixed(0)} ms, 1 session every ` +
            `second ${one.toFixed(0)} ms, ${SESSIONS} sessions on a yearly schedule ${yearly.toFixed(0)} ms, ` +
            `idle bare node ${bareMs.toFixed(0)} ms`,
          `the measured figure is the whole process's CPU over the window divided by the ticks; that is ` +
            `${((all - one) / ticks / (SESSIONS - 1)).toFixed(3)} ms per extra session check`,
        ],
      },
    ];
  } finally {
    await Promise.all([...daemons.map((d) => d.stop()), bare.stop()]);
    await world.close();
  }
}
