import { TOKENS } from '../di/tokens';
import type { TokenRefresher } from '../engine/oidc-refresher';
import { refreshesInFlight } from '../engine/refreshes-in-flight';
import { EventBus, logEvent } from '../events/event-bus';
import { ExportScheduler } from '../exports/export-scheduler';
import { planExports } from '../exports/plan-exports';
import { startControlServer, type ControlHandler, type ControlServer } from '../interprocess/control-server';
import { closeLogger } from '../logging/create-logger';
import type { Dispatcher } from '../notifiers/dispatcher';
import { acquireLock } from '../state/lock-file';
import { removeStaleTempFiles } from '../state/remove-stale-temp-files';
import { readStateFile, StateFileWriter } from '../state/state-file';
import { CredentialsBroker } from '../server/credentials-broker';
import { DaemonLogins } from '../server/daemon-logins';
import { DaemonWeb } from '../server/daemon-web';
import { startBroker, type RunningBroker } from '../server/start-broker';
import { Supervisor } from '../supervisor/supervisor';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import {
  composeDaemon,
  type ComposeDaemonOptions,
  type DaemonGraph,
  type DaemonSetup,
} from './compose-daemon';
import { watchFiles } from './triggers';

export interface DaemonOptions extends Omit<ComposeDaemonOptions, 'setup' | 'carriedOver'> {
  /** Reads supervisor.yaml and the AWS config, at start and on every reload; mistakes come back as lines. */
  loadSetup: () => Promise<{ setup: DaemonSetup } | { errors: string[] }>;
  /** Where a refusal to start is explained (a config error, another daemon holding the lock). */
  stderr: NodeJS.WritableStream;
}

/** The exit codes of a daemon that could not start, as the CLI uses them. */
const REFUSED = { config: 2, locked: 1 } as const;

/**
 * `sso-supervisor run`: starts, reloads and stops the graph the composition root builds (one worker per
 * session, notifiers, exports, the state file). Only the lifecycle lives here.
 */
export class Daemon {
  private unwatch: () => void = () => {};
  private stopping: Promise<void> | null = null;
  private unsubscribe: Array<() => void> = [];
  private unsubscribeDispatcher: () => void = () => {};
  private broker: RunningBroker | null = null;
  private control: ControlServer | null = null;

  private constructor(
    private readonly options: DaemonOptions,
    private readonly graph: DaemonGraph,
    private dispatcher: Dispatcher,
    private readonly release: () => Promise<void>,
  ) {}

  private get logger(): Logger {
    return this.graph.resolve<Logger>(TOKENS.Logger);
  }

  private get bus(): EventBus {
    return this.graph.resolve(EventBus);
  }

  /** Starts the daemon, or returns the exit code and says why it could not. */
  static async start(options: DaemonOptions): Promise<Daemon | number> {
    const loaded = await options.loadSetup();
    if ('errors' in loaded) {
      for (const line of loaded.errors) options.stderr.write(`error: ${line}\n`);
      return REFUSED.config;
    }
    const ws = loaded.setup;
    const lock = await acquireLock(ws.paths.stateDir);
    if ('error' in lock) {
      options.stderr.write(`sso-supervisor: ${lock.error}\n`);
      return REFUSED.locked;
    }
    await removeStaleTempFiles(ws.paths.cacheDir);
    await removeStaleTempFiles(ws.paths.stateDir);
    // Read before this run writes its own: the last login seen survives a restart.
    const previous = await readStateFile(ws.paths.stateDir);
    const graph = composeDaemon({ ...options, setup: ws, carriedOver: previous.state?.sessions });
    const logger = graph.resolve<Logger>(TOKENS.Logger);
    for (const w of ws.warnings)
      logger.warn('config warning', { file: w.file, line: w.line, path: w.path, problem: w.message });
    for (const f of ws.findings)
      logger.warn('AWS config problem', {
        file: f.file,
        section: f.section,
        field: f.field,
        problem: f.message,
      });
    const supervisor = graph.resolve(Supervisor);
    const { dispatcher, errors } = await graph.load(ws);
    for (const problem of errors) logger.error('notifier not started', { problem });
    const daemon = new Daemon(options, graph, dispatcher, lock.release);
    daemon.unsubscribe.push(daemon.bus.subscribe(logEvent(logger)));
    daemon.unsubscribe.push(daemon.bus.subscribe(graph.resolve(DaemonWeb).listen));
    daemon.unsubscribeDispatcher = daemon.bus.subscribe(dispatcher.handle);
    // Watch before announcing the start: a config written right after `supervisor.started` must not be missed.
    daemon.watch();
    // The server first: the first check's session.reauth_required may carry a login link to it.
    await daemon.startBroker();
    supervisor.start(ws.supervised);
    await daemon.planExports();
    await daemon.listen();
    return daemon;
  }

  /** SIGHUP or a changed config file: apply a valid config, keep the old one and say why otherwise. */
  async reload(reason: string): Promise<void> {
    if (this.stopping) return;
    const loaded = await this.options.loadSetup();
    const now = this.graph.resolve<Clock>(TOKENS.Clock).now().toISOString();
    if ('errors' in loaded) {
      this.bus.publish({
        type: 'config.invalid',
        time: now,
        severity: 'error',
        errors: loaded.errors,
        message: `config not reloaded (${reason}); still running the previous one: ${loaded.errors[0]}`,
      });
      return;
    }
    const next = loaded.setup;
    const { dispatcher, errors } = await this.graph.load(next);
    if (dispatcher !== this.dispatcher) {
      for (const problem of errors) this.logger.error('notifier not started', { problem });
      const old = this.dispatcher;
      this.dispatcher = dispatcher;
      this.unsubscribeDispatcher();
      this.unsubscribeDispatcher = this.bus.subscribe(dispatcher.handle);
      void old.close();
    }
    (this.logger as { level?: string }).level = next.config.log.level;
    const changes = this.graph.resolve(Supervisor).apply(next.supervised);
    await this.planExports();
    this.watch();
    this.bus.publish({
      type: 'config.reloaded',
      time: now,
      severity: 'info',
      message: `config reloaded (${reason}): ${changes.added.length} added, ${changes.removed.length} removed, ${changes.retuned.length} changed`,
    });
  }

  /**
   * Stops the workers and waits for their checks: a check aborts after the grace, except a CreateToken
   * already sent, which gets its request timeout to answer and be written. Then writes state, unlocks.
   */
  stop(graceMs = 5000): Promise<void> {
    this.stopping ??= (async () => {
      // First: a one-shot command asking now finds no daemon and does the work itself.
      await this.control?.close();
      this.unwatch();
      this.graph.resolve(DaemonWeb).listening(null);
      await this.broker?.stop();
      await this.graph.resolve(DaemonLogins).stop();
      const inFlight = refreshesInFlight();
      if (inFlight.length > 0) {
        // Their refresh tokens may be spent at AWS already: the answers are written before we stop.
        this.logger.warn('stopping after the refreshes in flight are written', {
          sessions: inFlight.map((r) => r.session),
          timeoutMs: Math.max(...inFlight.map((r) => r.timeoutMs)),
        });
      }
      await Promise.all([
        this.graph.resolve(ExportScheduler).stop(graceMs),
        this.graph.resolve(Supervisor).stop(graceMs),
      ]);
      await this.dispatcher.close(3000);
      this.unsubscribeDispatcher();
      for (const off of this.unsubscribe) off();
      this.graph.resolve<TokenRefresher>(TOKENS.TokenRefresher).destroy();
      await this.graph.resolve(StateFileWriter).flush();
      await this.release();
      await closeLogger(this.logger);
    })();
    return this.stopping;
  }

  /**
   * The loopback credential broker, read from the config at start (a port change needs a restart). A port
   * taken is logged, not fatal: the refreshes matter more than the broker.
   */
  private async startBroker(): Promise<void> {
    const { config, paths } = this.graph.setup;
    if (!config.server.enabled) return;
    try {
      this.broker = await startBroker({
        stateDir: paths.stateDir,
        port: config.server.port,
        broker: this.graph.resolve(CredentialsBroker),
        logger: this.logger,
        web: this.graph.resolve(DaemonWeb),
      });
      this.graph.resolve(DaemonWeb).listening(this.broker.port);
    } catch (error) {
      this.logger.error('credential broker not started', {
        port: config.server.port,
        error: (error as NodeJS.ErrnoException).code ?? String(error),
      });
    }
  }

  /**
   * Opens the control socket, so `credentials`, `token` and `refresh` ask this daemon instead of refreshing
   * themselves. Without it the daemon still runs: those commands then take the session lock.
   */
  private async listen(): Promise<void> {
    const { stateDir } = this.graph.setup.paths;
    try {
      this.control = await startControlServer(
        stateDir,
        this.graph.resolve<ControlHandler>(TOKENS.ControlHandler),
      );
      this.logger.info('control socket open', { path: this.control.path });
    } catch (error) {
      this.logger.warn('control socket not opened; one-shot commands will refresh under the session lock', {
        problem: (error as Error).message,
      });
    }
  }

  /** Resolves each `exports:` profile against the AWS config as it is now; unchanged exports keep their timers. */
  private async planExports(): Promise<void> {
    const { setup } = this.graph;
    this.graph
      .resolve(ExportScheduler)
      .apply(
        setup.config.exports.length > 0
          ? planExports(setup.config.exports, setup)
          : { jobs: [], problems: [] },
      );
  }

  private watch(): void {
    this.unwatch();
    const { paths, config } = this.graph.setup;
    const files = [paths.awsConfigFile, ...(config.file ? [config.file] : [])];
    this.unwatch = watchFiles(files, () => void this.reload('file changed'));
  }
}
