import type { BenchOptions } from '../bench-options';
import type { BenchRow } from '../render-report';
import { CLI_BIN } from '../bench-daemon';
import { createBenchWorld, type BenchWorld } from '../bench-world';
import { formatRatio, median } from '../stats';
import { runTimed } from '../run-timed';

const SESSIONS = 500;
const LATENCY_MS = 20;
const TARGET_MS = 3000;
/** Under the default 20m threshold, so due; the rest live for hours. */
const DUE_TTL_SECONDS = 60;

interface Pass {
  ms: number;
  /** CreateToken (refresh_token grant) calls per session name during the pass. */
  calls: Map<string, number>;
  outcomes: Record<string, number>;
}

async function refreshPass(world: BenchWorld, force: boolean): Promise<Pass> {
  world.emulator.resetCalls();
  const args = [CLI_BIN, 'refresh', '--json', ...(force ? ['--force'] : [])];
  const run = await runTimed(args, { env: world.env, cwd: world.dir });
  if (run.code !== 0) throw new Error(`refresh${force ? ' --force' : ''} exited ${run.code}: ${run.stderr}`);
  const { results } = JSON.parse(run.stdout) as { results: { outcome: string }[] };
  const outcomes: Record<string, number> = {};
  for (const r of results) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  const byClient = world.emulator.calls.refreshByClient;
  const calls = new Map(
    world.names.map((name) => [name, byClient[world.home.sessions[name].login!.clientId] ?? 0]),
  );
  return { ms: run.ms, calls, outcomes };
}

function expectCalls(pass: Pass, expected: (name: string) => number, what: string): void {
  const wrong = [...pass.calls].filter(([name, n]) => n !== expected(name));
  if (wrong.length) {
    const sample = wrong.slice(0, 5).map(([name, n]) => `${name}: ${n} (expected ${expected(name)})`);
    throw new Error(
      `${what}: ${wrong.length} session(s) with the wrong CreateToken count: ${sample.join(', ')}`,
    );
  }
}

const total = (pass: Pass) => [...pass.calls.values()].reduce((a, b) => a + b, 0);

/**
 * 2. `refresh --force` of 500 sessions against the emulator answering after 20 ms, beside a plain `refresh`
 * of the same sessions once none is due (the CLI's start-up and 500 cache reads, no network).
 */
export async function refreshMany(opts: BenchOptions): Promise<BenchRow[]> {
  const rounds = opts.quick ? 1 : 3;
  const world = await createBenchWorld({
    sessions: SESSIONS,
    tokenTtlSeconds: (i) => (i % 2 === 0 ? DUE_TTL_SECONDS : 8 * 3600),
    emulator: { latencyMs: LATENCY_MS },
  });
  try {
    const due = new Set(world.names.filter((_, i) => i % 2 === 0));
    const first = await refreshPass(world, false);
    expectCalls(first, (name) => (due.has(name) ? 1 : 0), 'refresh with half the sessions due');
    const forced: Pass[] = [];
    const idle: Pass[] = [];
    for (let round = 0; round < rounds; round++) {
      const f = await refreshPass(world, true);
      expectCalls(f, () => 1, 'refresh --force');
      forced.push(f);
      const i = await refreshPass(world, false);
      expectCalls(i, () => 0, 'refresh with nothing due');
      idle.push(i);
    }
    const forcedMs = median(forced.map((p) => p.ms));
    const idleMs = median(idle.map((p) => p.ms));
    const serialMs = SESSIONS * LATENCY_MS;
    return [
      {
        benchmark: `refresh --force, ${SESSIONS} sessions, ${LATENCY_MS} ms latency`,
        measured: `${forcedMs.toFixed(0)} ms`,
        baseline: `${idleMs.toFixed(0)} ms (refresh, none due)`,
        ratio: formatRatio(forcedMs, idleMs),
        target: `< ${TARGET_MS / 1000} s wall`,
        verdict: forcedMs < TARGET_MS ? 'pass' : 'miss',
        notes: [
          `median of ${rounds} forced pass(es), each followed by a plain pass; CreateToken calls per forced pass: ` +
            `${forced.map(total).join(', ')} (exactly one per session, checked per client id)`,
          `plain passes with nothing due made ${idle.map(total).join(', ')} CreateToken calls`,
          `first plain pass with ${due.size} of ${SESSIONS} sessions due: ${total(first)} calls, all to due ` +
            `sessions, 0 to the ${SESSIONS - due.size} not due; outcomes ${JSON.stringify(first.outcomes)}; ` +
            `${first.ms.toFixed(0)} ms`,
          `one at a time, ${SESSIONS} x ${LATENCY_MS} ms of latency alone would take ${serialMs} ms: ` +
            `the forced pass took ${formatRatio(forcedMs, serialMs)} of that`,
        ],
      },
    ];
  } finally {
    await world.close();
  }
}
