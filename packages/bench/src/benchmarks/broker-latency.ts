import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchOptions } from '../bench-options';
import { BenchDaemon } from '../bench-daemon';
import { createBenchWorld, type BenchWorld } from '../bench-world';
import type { BenchRow } from '../render-report';
import { sampleRss } from '../process-sampling';
import { formatRatio } from '../stats';

const TARGET = 1.5;
const CONFIG = (enabled: boolean) => `version: 1
server:
  enabled: ${enabled}
log:
  level: info
`;

/** A bare Node http server answering a constant JSON body of the broker's size: the baseline. */
const BARE = `
const body = process.argv[1];
const server = require('node:http').createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

interface Target {
  port: number;
  path: string;
  headers: Record<string, string>;
}

function get(target: Target, agent: Agent): Promise<{ ms: number; body: string }> {
  const t0 = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', ...target, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}: ${body.slice(0, 200)}`));
        else resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** `total` GETs from `clients` concurrent clients (a keep-alive connection each); every latency. */
async function load(target: Target, clients: number, total: number): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const times: number[] = [];
  let left = total;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (left-- > 0) times.push((await get(target, agent)).ms);
    }),
  );
  agent.destroy();
  return times;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

function startBare(body: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['-e', BARE, body], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {},
  });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve({ child, port: Number(d.toString().trim()) }));
    child.once('exit', (code) => reject(new Error(`the bare server exited (${code})`)));
  });
}

async function brokerTarget(world: BenchWorld, stateDir: string): Promise<Target> {
  for (let i = 0; i < 100; i++) {
    const server = await readFile(join(stateDir, 'server.json'), 'utf8').catch(() => null);
    if (server) {
      const token = (await readFile(join(stateDir, 'broker-token'), 'utf8')).trim();
      const { port } = JSON.parse(server) as { port: number };
      return { port, path: `/v1/credentials/${world.names[0]}-dev`, headers: { authorization: token } };
    }
    await sleep(100);
  }
  throw new Error('the daemon wrote no server.json');
}

/**
 * 8. The credential broker: GET latency (p50, p99) on a cache hit with 1, 50 and 100 concurrent clients,
 * beside a bare Node http server answering the same bytes, in rounds that alternate the two; then the RSS
 * of a daemon whose broker has served, beside one with `server.enabled: false`.
 */
export async function brokerLatency(opts: BenchOptions): Promise<BenchRow[]> {
  const world = await createBenchWorld({ sessions: 1, tokenTtlSeconds: 8 * 3600 });
  // NODE_EXTRA_CA_CERTS unset on both sides: the world's env has none, the bare server gets an empty env.
  const on = await world.withConfig('broker-on', CONFIG(true));
  const off = await world.withConfig('broker-off', CONFIG(false));
  const serving = new BenchDaemon(on);
  const idle = new BenchDaemon(off);
  let bare: ChildProcess | undefined;
  try {
    await Promise.all([serving.waitFor('supervisor.started'), idle.waitFor('supervisor.started')]);
    const broker = await brokerTarget(world, on.SSO_SUPERVISOR_STATE_DIR);
    const first = await get(broker, new Agent());
    const started = await startBare(first.body);
    bare = started.child;
    const baseline: Target = { port: started.port, path: broker.path, headers: {} };
    world.emulator.resetCalls();
    const rows: BenchRow[] = [];
    const perRound = opts.quick ? 500 : 2000;
    const rounds = opts.quick ? 3 : 5;
    for (const clients of [1, 50, 100]) {
      const ours: number[] = [];
      const theirs: number[] = [];
      await load(broker, clients, 200);
      await load(baseline, clients, 200);
      for (let r = 0; r < rounds; r++) {
        ours.push(...(await load(broker, clients, perRound)));
        theirs.push(...(await load(baseline, clients, perRound)));
      }
      const [p50, p99, b50, b99] = [
        percentile(ours, 50),
        percentile(ours, 99),
        percentile(theirs, 50),
        percentile(theirs, 99),
      ];
      const ratio = p99 / b99;
      rows.push({
        benchmark: `broker GET latency, ${clients} concurrent client${clients === 1 ? '' : 's'}`,
        measured: `p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms`,
        baseline: `p50 ${b50.toFixed(2)} ms, p99 ${b99.toFixed(2)} ms (bare node http)`,
        ratio: `p50 ${formatRatio(p50, b50)}, p99 ${formatRatio(p99, b99)}`,
        target: clients === 100 ? `p99 <= ${TARGET}x` : '-',
        verdict: clients === 100 ? (ratio <= TARGET ? 'pass' : 'miss') : 'info',
        notes: [
          `${rounds} alternating rounds of ${perRound} GETs each side, keep-alive, after 200 to warm up; ` +
            `role credentials served from memory (${world.emulator.calls.getRoleCredentials} GetRoleCredentials ` +
            'during the runs); NODE_EXTRA_CA_CERTS unset on both sides',
        ],
      });
    }
    await sleep(opts.quick ? 2000 : 5000);
    const count = opts.quick ? 3 : 5;
    const [onKb, offKb] = await sampleRss([serving.pid, idle.pid], count, 1000);
    rows.push({
      benchmark: 'RSS of run with the broker serving',
      measured: `${(onKb / 1024).toFixed(1)} MB`,
      baseline: `${(offKb / 1024).toFixed(1)} MB (server.enabled: false)`,
      ratio: formatRatio(onKb, offKb),
      target: '-',
      verdict: 'info',
      notes: [
        `the broker adds ${((onKb - offKb) / 1024).toFixed(1)} MB after serving the runs above; ` +
          `VmRSS median of ${count} samples 1 s apart; 1 session each`,
      ],
    });
    return rows;
  } finally {
    bare?.kill('SIGTERM');
    await Promise.all([serving.stop(), idle.stop()]);
    await world.close();
  }
}
