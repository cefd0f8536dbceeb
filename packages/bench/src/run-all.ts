import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseBenchOptions, type BenchOptions } from './bench-options';
import { type BenchRow, renderReport, machineInfo } from './render-report';
import { brokerLatency } from './benchmarks/broker-latency';
import { cpuPerTick } from './benchmarks/cpu-per-tick';
import { credentialsLatency } from './benchmarks/credentials-latency';
import { dispatchLatency } from './benchmarks/dispatch-latency';
import { idleRss } from './benchmarks/idle-rss';
import { refreshMany } from './benchmarks/refresh-many';
import { soak } from './benchmarks/soak';
import { statusLatency } from './benchmarks/status-latency';

const BENCHMARKS: Record<string, (opts: BenchOptions) => Promise<BenchRow[]>> = {
  status: statusLatency,
  credentials: credentialsLatency,
  refresh: refreshMany,
  rss: idleRss,
  cpu: cpuPerTick,
  soak,
  dispatch: dispatchLatency,
  broker: brokerLatency,
};

const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/**
 * Runs the benchmarks one after another (so they do not compete for the CPU) and writes the report:
 * BENCHMARKS.md at the repository root for the full run, bench-results/ (git-ignored) for --quick.
 * Exits 1 when a benchmark could not run; a missed target is reported, not an error.
 */
export async function runAll(argv: string[]): Promise<number> {
  const parsed = parseBenchOptions(argv, Object.keys(BENCHMARKS));
  if ('error' in parsed) {
    process.stderr.write(`${parsed.error}\n`);
    return 2;
  }
  const opts = parsed.options;
  if (process.platform !== 'linux') {
    process.stderr.write('the benchmarks read /proc and run on Linux only\n');
    return 2;
  }
  const started = Date.now();
  const machine = machineInfo();
  const rows: BenchRow[] = [];
  const chosen = Object.entries(BENCHMARKS).filter(([name]) => !opts.only.length || opts.only.includes(name));
  for (const [name, bench] of chosen) {
    process.stderr.write(`bench: ${name}...\n`);
    const t0 = Date.now();
    try {
      rows.push(...(await bench(opts)));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      rows.push({
        benchmark: name,
        measured: '-',
        baseline: '-',
        ratio: '-',
        target: '-',
        verdict: 'error',
        notes: [message],
      });
    }
    process.stderr.write(`bench: ${name} done in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  }
  const rest = argv.filter((a) => a !== '--quick' && a !== '--');
  const command = ['pnpm', opts.quick ? 'bench:quick' : 'bench', ...rest].join(' ');
  const report = renderReport({
    rows,
    machine,
    loadAtEnd: machineInfo().load,
    command,
    seconds: (Date.now() - started) / 1000,
  });
  const out = resolve(
    opts.out ??
      (opts.quick
        ? join(REPO_ROOT, 'bench-results', 'BENCHMARKS.quick.md')
        : join(REPO_ROOT, 'BENCHMARKS.md')),
  );
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, report);
  process.stdout.write(`${report}\nwritten to ${out}\n`);
  return rows.some((r) => r.verdict === 'error') ? 1 : 0;
}

if (require.main === module) {
  void runAll(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
