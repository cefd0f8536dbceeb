import { spawnSync } from 'node:child_process';
import type { BenchOptions } from '../bench-options';
import type { BenchRow } from '../render-report';
import { CLI_BIN } from '../bench-daemon';
import { createBenchWorld } from '../bench-world';
import { formatRatio, median } from '../stats';

const SESSIONS = 50;
const TARGET = 3;
const CONFIG = `version: 1
defaults:
  threshold: 20m
log:
  level: info
`;

/** Wall time of one process start to exit. spawnSync: nothing else runs meanwhile to blur the figure. */
function wallMs(args: string[], env: Record<string, string>, cwd: string): number {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return ms;
}

/** The sessions `status --json` lists, to be sure the timed runs did the whole job. */
function countSessions(env: Record<string, string>, cwd: string): number {
  const run = spawnSync(process.execPath, [CLI_BIN, 'status', '--json'], { env, cwd, encoding: 'utf8' });
  return (JSON.parse(run.stdout) as { sessions: unknown[] }).sessions.length;
}

/** 1. `status` over 50 sessions vs `node -e 0`, interleaved, with and without a supervisor.yaml. */
export async function statusLatency(opts: BenchOptions): Promise<BenchRow[]> {
  const runs = opts.quick ? 7 : 21;
  const world = await createBenchWorld({ sessions: SESSIONS, tokenTtlSeconds: 8 * 3600 });
  try {
    const bare = world.env;
    const withYaml = await world.withConfig('status', CONFIG);
    const cases = [
      { label: 'no supervisor.yaml', env: bare },
      { label: 'with supervisor.yaml', env: withYaml },
    ];
    for (const c of cases) {
      const listed = countSessions(c.env, world.dir);
      if (listed !== SESSIONS) throw new Error(`status listed ${listed} sessions, expected ${SESSIONS}`);
    }
    const node: number[] = [];
    const status = cases.map(() => [] as number[]);
    // One warm-up round fills the page cache; then every round runs each command once, in turn.
    for (let round = -1; round < runs; round++) {
      const n = wallMs(['-e', '0'], bare, world.dir);
      const s = cases.map((c) => wallMs([CLI_BIN, 'status'], c.env, world.dir));
      if (round < 0) continue;
      node.push(n);
      s.forEach((ms, i) => status[i].push(ms));
    }
    const nodeMs = median(node);
    return cases.map((c, i) => {
      const ms = median(status[i]);
      return {
        benchmark: `status, ${SESSIONS} sessions, ${c.label}`,
        measured: `${ms.toFixed(0)} ms`,
        baseline: `${nodeMs.toFixed(0)} ms (node -e 0)`,
        ratio: formatRatio(ms, nodeMs),
        target: `<= ${TARGET}x`,
        verdict: ms / nodeMs <= TARGET ? 'pass' : 'miss',
        notes: [
          `median of ${runs} interleaved runs each (after one warm-up round); ` +
            `status min ${Math.min(...status[i]).toFixed(0)} ms, max ${Math.max(...status[i]).toFixed(0)} ms; ` +
            `node -e 0 min ${Math.min(...node).toFixed(0)} ms, max ${Math.max(...node).toFixed(0)} ms`,
        ],
      };
    });
  } finally {
    await world.close();
  }
}
