import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchOptions } from '../bench-options';
import { BenchDaemon, CLI_BIN } from '../bench-daemon';
import { createBenchWorld, type BenchWorld } from '../bench-world';
import { installPackedCli } from '../packed-cli';
import type { BenchRow } from '../render-report';
import { runTimed } from '../run-timed';
import { formatRatio, median } from '../stats';

// Issue 13's goals for the installed (bundled) CLI against `node -e 0`.
const TARGETS = { 'no daemon': 1.6, 'daemon running': 1.5 } as const;
const CONFIG = `version: 1
defaults:
  threshold: 20m
log:
  level: info
`;

async function ok(args: string[], env: Record<string, string>, cwd: string): Promise<number> {
  const run = await runTimed(args, { env, cwd });
  if (run.code !== 0) throw new Error(`${args.join(' ')} exited ${run.code}: ${run.stderr.slice(-500)}`);
  return run.ms;
}

/** Interleaved runs of `node -e 0` and `credentials` on a role-cache hit; medians. */
async function timeCredentials(bin: string, world: BenchWorld, env: Record<string, string>, runs: number) {
  const node: number[] = [];
  const creds: number[] = [];
  const args = [bin, 'credentials', '--profile', `${world.names[0]}-dev`];
  for (let round = -1; round < runs; round++) {
    const n = await ok(['-e', '0'], env, world.dir);
    const c = await ok(args, env, world.dir);
    if (round < 0) continue;
    node.push(n);
    creds.push(c);
  }
  return { node: median(node), creds: median(creds), min: Math.min(...creds), max: Math.max(...creds) };
}

async function startDaemon(env: Record<string, string>): Promise<BenchDaemon> {
  const daemon = new BenchDaemon(env);
  await daemon.waitFor('supervisor.started');
  // The control socket opens right after the start is announced.
  for (let i = 0; i < 200 && !existsSync(join(env.SSO_SUPERVISOR_STATE_DIR, 'daemon.sock')); i++)
    await sleep(25);
  return daemon;
}

function latencyRow(
  label: keyof typeof TARGETS,
  t: Awaited<ReturnType<typeof timeCredentials>>,
  runs: number,
): BenchRow {
  const target = TARGETS[label];
  return {
    benchmark: `installed CLI: credentials, role-cache hit, ${label}`,
    measured: `${t.creds.toFixed(0)} ms`,
    baseline: `${t.node.toFixed(0)} ms (node -e 0)`,
    ratio: formatRatio(t.creds, t.node),
    target: `<= ${target}x`,
    verdict: t.creds / t.node <= target ? 'pass' : 'miss',
    notes: [
      `median of ${runs} interleaved runs (after one warm-up round), min ${t.min.toFixed(0)} ms, max ${t.max.toFixed(0)} ms; ` +
        'the packed bundle with its code cache; NODE_EXTRA_CA_CERTS unset on both sides',
    ],
  };
}

/** `callers` concurrent `credentials` processes on a due session with no cached role credentials. */
async function concurrentCallers(
  world: BenchWorld,
  env: Record<string, string>,
  callers: number,
  label: string,
) {
  const name = world.names[0];
  const { startUrl, cacheFile } = world.home.sessions[name];
  const { writeCachedLogin } = await import('@sso-supervisor/emulator');
  const { rm } = await import('node:fs/promises');
  await writeCachedLogin(
    cacheFile,
    world.emulator.seedLogin({ startUrl, region: 'us-east-1', accessTokenTtlSeconds: 60 }),
  );
  await rm(join(env.SSO_SUPERVISOR_STATE_DIR, 'role-credentials'), { recursive: true, force: true });
  world.emulator.resetCalls();
  const started = Date.now();
  const runs = await Promise.all(
    Array.from({ length: callers }, () =>
      runTimed([CLI_BIN, 'credentials', '--profile', `${name}-dev`], { env, cwd: world.dir }),
    ),
  );
  const seconds = (Date.now() - started) / 1000;
  const failed = runs.filter((r) => r.code !== 0).length;
  const { createToken, getRoleCredentials, invalidGrant } = world.emulator.calls;
  const calls = createToken.refresh_token;
  return {
    benchmark: `${callers} concurrent credentials calls on a due session, ${label}`,
    measured: `${calls} CreateToken, ${getRoleCredentials} GetRoleCredentials`,
    baseline: `${callers} of each (one per process, before issue 11)`,
    ratio: '-',
    target: '1 and 1, 0 failures',
    verdict: calls === 1 && getRoleCredentials === 1 && failed === 0 ? 'pass' : 'miss',
    notes: [`${failed} failed, ${invalidGrant} InvalidGrant, all done in ${seconds.toFixed(1)} s`],
  } satisfies BenchRow;
}

/**
 * `credentials` as credential_process runs it: on a role-cache hit with and without the daemon, against
 * `node -e 0`; and how many CreateToken and GetRoleCredentials N concurrent callers cost.
 */
export async function credentialsLatency(opts: BenchOptions): Promise<BenchRow[]> {
  const runs = opts.quick ? 5 : 21;
  const crowds = opts.quick ? [8] : [8, 64];
  const world = await createBenchWorld({ sessions: 1, tokenTtlSeconds: 8 * 3600 });
  const packed = await installPackedCli();
  const rows: BenchRow[] = [];
  try {
    const env = await world.withConfig('credentials', CONFIG);
    await ok([packed.bin, 'credentials', '--profile', `${world.names[0]}-dev`], env, world.dir);
    rows.push(latencyRow('no daemon', await timeCredentials(packed.bin, world, env, runs), runs));
    for (const n of crowds) rows.push(await concurrentCallers(world, env, n, 'no daemon'));
    const daemon = await startDaemon(env);
    try {
      rows.push(latencyRow('daemon running', await timeCredentials(packed.bin, world, env, runs), runs));
      for (const n of crowds) rows.push(await concurrentCallers(world, env, n, 'daemon running'));
    } finally {
      await daemon.stop();
    }
    return rows;
  } finally {
    await packed.close();
    await world.close();
  }
}
