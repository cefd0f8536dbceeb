import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchOptions } from '../bench-options';
import { BenchDaemon } from '../bench-daemon';
import type { BenchRow } from '../render-report';
import { createBenchWorld } from '../bench-world';
import { formatRatio } from '../stats';
import { IdleNode } from '../idle-node';
import { moduleFootprint } from '../module-footprint';
import { sampleRss } from '../process-sampling';

/** Issue 13's goals: idle RSS of `run` over idle bare node's, by session count. */
const TARGETS: Record<number, number> = { 100: 1.6, 1000: 2.0 };
const CONFIG = `version: 1
log:
  level: info
`;

const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`;

async function measure(sessions: number, quick: boolean): Promise<BenchRow> {
  const world = await createBenchWorld({ sessions, tokenTtlSeconds: 8 * 3600 });
  const env = await world.withConfig('rss', CONFIG);
  const daemon = new BenchDaemon(env);
  const bare = new IdleNode();
  try {
    await daemon.waitFor('supervisor.started');
    const settleMs = quick ? 3000 : 5000;
    await sleep(settleMs);
    const count = quick ? 3 : 5;
    const [daemonKb, bareKb] = await sampleRss([daemon.pid, bare.pid], count, 1000);
    const calls = world.emulator.calls.createToken.refresh_token;
    if (calls !== 0) throw new Error(`the idle daemon made ${calls} CreateToken calls; nothing was due`);
    const ratio = daemonKb / bareKb;
    const target = TARGETS[sessions];
    return {
      benchmark: `idle RSS of run, ${sessions} session${sessions === 1 ? '' : 's'}`,
      measured: mb(daemonKb),
      baseline: `${mb(bareKb)} (idle bare node)`,
      ratio: formatRatio(daemonKb, bareKb),
      target: target ? `<= ${target}x` : '-',
      verdict: target ? (ratio <= target ? 'pass' : 'miss') : 'info',
      notes: [
        `VmRSS median of ${count} samples 1 s apart, starting ${settleMs / 1000} s after supervisor.started; ` +
          `${mb(daemonKb - bareKb)} over bare node; no CreateToken call made`,
      ],
    };
  } finally {
    await daemon.stop();
    await bare.stop();
    await world.close();
  }
}

/** 3. Idle RSS of `sso-supervisor run` with nothing due, beside an idle bare Node process started with it. */
export async function idleRss(opts: BenchOptions): Promise<BenchRow[]> {
  const sizes = opts.quick ? [1, 100, 1000] : [1, 10, 100, 1000];
  const rows: BenchRow[] = [];
  for (const sessions of sizes) rows.push(await measure(sessions, opts.quick));
  const targeted = rows.find((r) => r.verdict === 'miss');
  if (targeted) {
    const lines = await moduleFootprint();
    targeted.notes.push(
      `over the target; what each module costs loaded alone in an idle process: ${lines.join('; ')}`,
    );
  }
  return rows;
}
