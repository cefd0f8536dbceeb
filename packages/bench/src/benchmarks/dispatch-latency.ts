import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  createOidcRefresher,
  defaultConfig,
  loadSessions,
  resolvePaths,
  SessionRefresher,
  systemClock,
  type NotifierEntry,
  type NotifierPlugin,
  type SupervisorEvent,
  type TokenRefresher,
} from '@sso-supervisor/core';
import { composeDaemon, Dispatcher, type DaemonSetup } from '@sso-supervisor/core/daemon';
import { scriptedNotifier } from '@sso-supervisor/core/testing';
import type { BenchOptions } from '../bench-options';
import type { BenchRow } from '../render-report';
import { createBenchWorld, type BenchWorld } from '../bench-world';
import { CountingLogger } from '../counting-logger';
import { formatRatio, median } from '../stats';

const EVENTS = 1000;
const TICKS = 50;
/** Real ticks are a second apart; this leaves the healthy notifiers time to drain between them. */
const GAP_MS = 25;
const TARGET = 1.25;

type Session = Awaited<ReturnType<typeof loadSessions>>['sessions'][number];

interface Scenario {
  /** Wall time of each tick: handing its events to the dispatcher, then one refresh through the emulator. */
  ticks: number[];
  /** When a 1 ms timer set at each tick's start fired, in ms after the start. */
  timerFired: number[];
  loopDelayP99Ms: number;
  warnings: number;
}

/**
 * `type: bench` notifiers: one that answers after a millisecond, like a webhook on the same host, or one
 * that never answers. Options are not read: a pass-through stands in for a zod schema (the bench does not
 * depend on zod).
 */
const benchPlugin: NotifierPlugin = {
  type: 'bench',
  optionsSchema: {
    safeParse: (data: unknown) => ({ success: true, data }),
  } as NotifierPlugin['optionsSchema'],
  create: (_options, { name }) =>
    name === 'hanging' ? scriptedNotifier(name, [], 'hang') : scriptedNotifier(name, [], () => sleep(1)),
};

function entry(index: number, hang: boolean): NotifierEntry {
  const name = hang ? 'hanging' : `healthy-${index}`;
  return {
    name,
    type: 'bench',
    events: ['*'],
    private: false,
    cooldown: 0,
    options: {},
    path: `notifiers[${index}]`,
  };
}

function setup(world: BenchWorld, withHanging: boolean): DaemonSetup {
  const count = withHanging ? 5 : 4;
  const config = {
    ...defaultConfig(),
    notifiers: Array.from({ length: count }, (_, i) => entry(i, i === 4)),
  };
  const paths = resolvePaths({
    env: world.env,
    home: world.home.home,
    platform: process.platform,
    cwd: world.dir,
  });
  return {
    config,
    paths,
    awsConfig: {} as DaemonSetup['awsConfig'],
    sessions: [],
    supervised: [],
    findings: [],
    warnings: [],
    unmatched: [],
    settingsFor: () => config.defaults,
  };
}

/**
 * The daemon's own graph (composeDaemon), with the bench's logger and the shared OIDC client swapped in:
 * four healthy notifiers, and a fifth that never answers when `withHanging`.
 */
async function compose(
  world: BenchWorld,
  withHanging: boolean,
  logger: CountingLogger,
  refresher: TokenRefresher,
): Promise<{ dispatcher: Dispatcher; sessions: SessionRefresher }> {
  const ws = setup(world, withHanging);
  const graph = composeDaemon({
    setup: ws,
    plugins: [benchPlugin],
    overrides: { Logger: logger, Clock: systemClock, TokenRefresher: refresher },
  });
  const { dispatcher, errors } = await graph.load(ws);
  if (errors.length) throw new Error(errors.join('; '));
  return { dispatcher, sessions: graph.resolve(SessionRefresher) };
}

function events(sessions: string[]): SupervisorEvent[] {
  // Only routing fields matter here; a token.refreshed without its expiresAt keeps the payload small.
  return Array.from(
    { length: EVENTS },
    (_, i) =>
      ({
        type: i % 2 === 0 ? 'token.refresh_failed' : 'token.refreshed',
        time: new Date().toISOString(),
        severity: i % 2 === 0 ? 'warning' : 'info',
        session: sessions[i % sessions.length],
        profiles: [`${sessions[i % sessions.length]}-dev`],
        message: `bench event ${i}`,
      }) as SupervisorEvent,
  );
}

async function runScenario(
  world: BenchWorld,
  withHanging: boolean,
  all: SupervisorEvent[],
  session: Session,
  refresher: TokenRefresher,
): Promise<Scenario> {
  const logger = new CountingLogger();
  const { dispatcher, sessions } = await compose(world, withHanging, logger, refresher);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const result: Scenario = { ticks: [], timerFired: [], loopDelayP99Ms: 0, warnings: 0 };
  const perTick = EVENTS / TICKS;
  loop.enable();
  for (let tick = 0; tick < TICKS; tick++) {
    const start = performance.now();
    const timer = new Promise<number>((resolve) => setTimeout(() => resolve(performance.now() - start), 1));
    for (const event of all.slice(tick * perTick, (tick + 1) * perTick)) dispatcher.handle(event);
    const refreshed = await sessions.refresh(session, { thresholdMs: 20 * 60_000, force: true });
    if (refreshed.outcome !== 'refreshed') throw new Error(`refresh in tick ${tick}: ${refreshed.outcome}`);
    result.ticks.push(performance.now() - start);
    result.timerFired.push(await timer);
    await sleep(GAP_MS);
  }
  loop.disable();
  result.loopDelayP99Ms = loop.percentile(99) / 1e6;
  await dispatcher.close(200);
  result.warnings = logger.counts.warn;
  return result;
}

/**
 * 6. A refresh tick (a forced refreshSession through the emulator) while 1,000 events go through the core
 * Dispatcher to 5 notifiers, one of which never answers, vs the same without the hanging one. Alternating rounds.
 */
export async function dispatchLatency(opts: BenchOptions): Promise<BenchRow[]> {
  const rounds = opts.quick ? 2 : 5;
  const world = await createBenchWorld({ sessions: 20, tokenTtlSeconds: 8 * 3600 });
  const saved = { ...process.env };
  Object.assign(process.env, world.emulator.env(), {
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  const refresher = createOidcRefresher();
  try {
    const { sessions } = await loadSessions(world.home.configFile, world.home.cacheDir);
    const session = sessions[0];
    const all = events(world.names);
    // An untimed round first: the SDK loads and the JIT warms up on the first refreshes.
    await runScenario(world, false, all, session, refresher);
    const without: Scenario[] = [];
    const withHang: Scenario[] = [];
    for (let round = 0; round < rounds; round++) {
      without.push(await runScenario(world, false, all, session, refresher));
      withHang.push(await runScenario(world, true, all, session, refresher));
    }
    const ticks = (xs: Scenario[]) => median(xs.flatMap((s) => s.ticks));
    const fired = (xs: Scenario[]) => median(xs.flatMap((s) => s.timerFired));
    const p99 = (xs: Scenario[]) => Math.max(...xs.map((s) => s.loopDelayP99Ms));
    const [hangMs, okMs] = [ticks(withHang), ticks(without)];
    return [
      {
        benchmark: `refresh tick while dispatching ${EVENTS} events to 5 notifiers, one hanging`,
        measured: `${hangMs.toFixed(2)} ms`,
        baseline: `${okMs.toFixed(2)} ms (the 4 healthy ones only)`,
        ratio: formatRatio(hangMs, okMs),
        target: `<= ${TARGET}x (no delay)`,
        verdict: hangMs / okMs <= TARGET ? 'pass' : 'miss',
        notes: [
          `median tick over ${rounds} alternating rounds of ${TICKS} ticks (${EVENTS / TICKS} events handed to ` +
            `dispatcher.handle, then one forced refresh against the emulator, ${GAP_MS} ms apart)`,
          `a 1 ms timer set at each tick's start fired after a median ${fired(withHang).toFixed(2)} ms with the ` +
            `hanging notifier, ${fired(without).toFixed(2)} ms without; event-loop delay p99 (worst round) ` +
            `${p99(withHang).toFixed(2)} ms vs ${p99(without).toFixed(2)} ms`,
          `warnings logged per round (queue overflow, abandoned sends): ` +
            `${median(withHang.map((s) => s.warnings))} with the hanging notifier, ` +
            `${median(without.map((s) => s.warnings))} without`,
        ],
      },
    ];
  } finally {
    refresher.destroy();
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    await world.close();
  }
}
