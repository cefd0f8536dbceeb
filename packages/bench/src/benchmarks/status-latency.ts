import { spawnSync } from 'node:child_process';
import type { BenchOptions } from '../bench-options';
import type { BenchRow } from '../render-report';
import { createBenchWorld } from '../bench-world';
import { installPackedCli } from '../packed-cli';
import { formatRatio, median } from '../stats';

const SESSIONS = 50;
// Issue 13's goals for the installed (bundled) CLI against `node -e 0`.
const TARGETS = { version: 1.3, status: 2.0 };
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
function countSessions(bin: string, env: Record<string, string>, cwd: string): number {
  const run = spawnSync(process.execPath, [bin, 'status', '--json'], { env, cwd, encoding: 'utf8' });
  return (JSON.parse(run.stdout) as { sessions: unknown[] }).sessions.length;
}

/**
 * 1. The installed CLI's start: `--version`, and `status` over 50 sessions with and without a supervisor.yaml,
 * each against `node -e 0`, interleaved. The bin is the packed bundle (installPackedCli), loaded through its
 * code cache, which the warm-up round writes into the world's HOME, as a user's first run does.
 */
export async function statusLatency(opts: BenchOptions): Promise<BenchRow[]> {
  const runs = opts.quick ? 7 : 21;
  const world = await createBenchWorld({ sessions: SESSIONS, tokenTtlSeconds: 8 * 3600 });
  const packed = await installPackedCli();
  try {
    const bare = world.env;
    const withYaml = await world.withConfig('status', CONFIG);
    const cases = [
      { label: '--version', args: ['--version'], env: bare, target: TARGETS.version },
      {
        label: `status, ${SESSIONS} sessions, no supervisor.yaml`,
        args: ['status'],
        env: bare,
        target: TARGETS.status,
      },
      {
        label: `status, ${SESSIONS} sessions, with supervisor.yaml`,
        args: ['status'],
        env: withYaml,
        target: TARGETS.status,
      },
    ];
    for (const env of [bare, withYaml]) {
      const listed = countSessions(packed.bin, env, world.dir);
      if (listed !== SESSIONS) throw new Error(`status listed ${listed} sessions, expected ${SESSIONS}`);
    }
    const node: number[] = [];
    const times = cases.map(() => [] as number[]);
    // One warm-up round fills the page cache and the code cache; then every round runs each command once, in turn.
    for (let round = -1; round < runs; round++) {
      const n = wallMs(['-e', '0'], bare, world.dir);
      const t = cases.map((c) => wallMs([packed.bin, ...c.args], c.env, world.dir));
      if (round < 0) continue;
      node.push(n);
      t.forEach((ms, i) => times[i].push(ms));
    }
    const nodeMs = median(node);
    return cases.map((c, i) => {
      const ms = median(times[i]);
      return {
        benchmark: `installed CLI: ${c.label}`,
        measured: `${ms.toFixed(0)} ms`,
        baseline: `${nodeMs.toFixed(0)} ms (node -e 0)`,
        ratio: formatRatio(ms, nodeMs),
        target: `<= ${c.target}x`,
        verdict: ms / nodeMs <= c.target ? 'pass' : 'miss',
        notes: [
          `median of ${runs} interleaved runs each (after one warm-up round); ` +
            `min ${Math.min(...times[i]).toFixed(0)} ms, max ${Math.max(...times[i]).toFixed(0)} ms; ` +
            `node -e 0 min ${Math.min(...node).toFixed(0)} ms, max ${Math.max(...node).toFixed(0)} ms; ` +
            'the packed bundle with its code cache, NODE_EXTRA_CA_CERTS unset on both sides',
        ],
      };
    });
  } finally {
    await packed.close();
    await world.close();
  }
}
