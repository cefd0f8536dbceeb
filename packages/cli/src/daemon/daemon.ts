import { isAbsolute, join } from 'node:path';
import {
  createOidcRefresher,
  EventBus,
  logEvent,
  readStateFile,
  secretRecordingRefresher,
  SessionRefresher,
  systemClock,
  type Clock,
  type NotifierPlugin,
  type Setup,
  type SupervisorConfig,
} from '@sso-supervisor/core';
import {
  acquireLock,
  closeLogger,
  createLogger,
  ExportScheduler,
  planExports,
  removeStaleTempFiles,
  SecretRegistry,
  StateFileWriter,
  Supervisor,
} from '@sso-supervisor/core/daemon';
import { EXIT, type CliIo } from '../cli-io';
import { composeNotifiers } from '../composition-root';
import { BUILTIN_PLUGINS, notifierSchemas } from '../builtin-plugins';
import { loadCommandSetup } from '../with-setup';
import { watchFiles } from './watch-files';

export interface DaemonOptions {
  io: CliIo;
  flags: { config?: string };
  clock?: Clock;
  plugins?: readonly NotifierPlugin[];
  /** Where log lines go besides the file; stderr by default. */
  console?: NodeJS.WritableStream & { isTTY?: boolean };
}

type DaemonLogger = ReturnType<typeof createLogger>;

/** `sso-supervisor run`: one process, one worker per session, notifiers, reload, clean shutdown. */
export class Daemon {
  private unwatch: () => void = () => {};
  private stopping: Promise<void> | null = null;
  private unsubscribe: Array<() => void> = [];
  private unsubscribeDispatcher: () => void = () => {};

  private constructor(
    private readonly opts: DaemonOptions & { clock: Clock; plugins: readonly NotifierPlugin[] },
    private ws: Setup,
    private readonly logger: DaemonLogger,
    private readonly parts: {
      bus: EventBus;
      supervisor: Supervisor;
      exporter: ExportScheduler;
      release: () => Promise<void>;
      state: StateFileWriter;
      destroyRefresher: () => void;
      /** Read by the workers each time a person must log in, so a reload applies to the next one. */
      reauth: { current: SupervisorConfig['reauth'] };
    },
    private dispatcher: Awaited<ReturnType<typeof composeNotifiers>>['dispatcher'],
  ) {}

  /** Starts the daemon, or returns the exit code and says why it could not. */
  static async start(options: DaemonOptions): Promise<Daemon | number> {
    const opts = { clock: systemClock, plugins: BUILTIN_PLUGINS, ...options };
    const { io } = opts;
    const loaded = await loadCommandSetup(io, opts.flags, notifierSchemas(opts.plugins));
    if ('errors' in loaded) {
      for (const line of loaded.errors) io.stderr.write(`error: ${line}\n`);
      return EXIT.usage;
    }
    const ws = loaded.setup;
    const lock = await acquireLock(ws.paths.stateDir);
    if ('error' in lock) {
      io.stderr.write(`sso-supervisor: ${lock.error}\n`);
      return EXIT.failed;
    }
    const secrets = new SecretRegistry();
    const logger = createLogger({
      ...logSettings(ws),
      console: opts.console ?? io.stderr,
      env: io.env,
      secrets,
      clock: opts.clock,
    });
    for (const w of ws.warnings)
      logger.warn('config warning', { file: w.file, line: w.line, path: w.path, problem: w.message });
    for (const f of ws.findings)
      logger.warn('AWS config problem', {
        file: f.file,
        section: f.section,
        field: f.field,
        problem: f.message,
      });
    await removeStaleTempFiles(ws.paths.cacheDir);
    await removeStaleTempFiles(ws.paths.stateDir);
    // Read before this run writes its own: the last login seen survives a restart.
    const previous = await readStateFile(ws.paths.stateDir);
    const state = new StateFileWriter({ stateDir: ws.paths.stateDir, logger, clock: opts.clock, secrets });
    const bus = new EventBus((error, event) =>
      logger.error('event listener failed', { event: event.type, error: String(error) }),
    );
    const refresher = secretRecordingRefresher(createOidcRefresher(), (s) => secrets.add(s));
    const reauth = { current: ws.config.reauth };
    // Role secrets go into the export files by design; the registry keeps them out of the log should they stray.
    const exporter = new ExportScheduler({
      publish: (e) => bus.publish(e),
      logger,
      clock: opts.clock,
      refresher,
      recordSecret: (s) => secrets.add(s),
    });
    const supervisor = new Supervisor({
      refresher: new SessionRefresher(refresher),
      publish: (e) => bus.publish(e),
      logger,
      clock: opts.clock,
      onState: (id, s) => state.setSession(id, s),
      reauth: () => reauth.current,
      carriedOver: previous.state?.sessions,
    });
    const daemon = new Daemon(
      opts,
      ws,
      logger,
      {
        bus,
        supervisor,
        exporter,
        release: lock.release,
        state,
        destroyRefresher: () => refresher.destroy(),
        reauth,
      },
      await daemonDispatcher(ws.config, logger, opts),
    );
    daemon.unsubscribe.push(bus.subscribe(logEvent(logger)));
    daemon.unsubscribeDispatcher = bus.subscribe(daemon.dispatcher.handle);
    // Watch before announcing the start: a config written right after `supervisor.started` must not be missed.
    daemon.watch();
    supervisor.start(ws.supervised);
    await daemon.planExports();
    return daemon;
  }

  /** SIGHUP or a changed config file: apply a valid config, keep the old one and say why otherwise. */
  async reload(reason: string): Promise<void> {
    if (this.stopping) return;
    const loaded = await loadCommandSetup(this.opts.io, this.opts.flags, notifierSchemas(this.opts.plugins));
    const now = this.opts.clock.now().toISOString();
    if ('errors' in loaded) {
      this.parts.bus.publish({
        type: 'config.invalid',
        time: now,
        severity: 'error',
        errors: loaded.errors,
        message: `config not reloaded (${reason}); still running the previous one: ${loaded.errors[0]}`,
      });
      return;
    }
    const next = loaded.setup;
    if (JSON.stringify(next.config.notifiers) !== JSON.stringify(this.ws.config.notifiers)) {
      const old = this.dispatcher;
      this.dispatcher = await daemonDispatcher(next.config, this.logger, this.opts);
      this.unsubscribeDispatcher();
      this.unsubscribeDispatcher = this.parts.bus.subscribe(this.dispatcher.handle);
      void old.close();
    }
    this.logger.level = next.config.log.level;
    this.ws = next;
    this.parts.reauth.current = next.config.reauth;
    const changes = this.parts.supervisor.apply(next.supervised);
    await this.planExports();
    this.watch();
    this.parts.bus.publish({
      type: 'config.reloaded',
      time: now,
      severity: 'info',
      message: `config reloaded (${reason}): ${changes.added.length} added, ${changes.removed.length} removed, ${changes.retuned.length} changed`,
    });
  }

  /** Stops the workers, lets in-flight refreshes finish (or aborts them after the grace), writes state, unlocks. */
  stop(graceMs = 5000): Promise<void> {
    this.stopping ??= (async () => {
      this.unwatch();
      await Promise.all([this.parts.exporter.stop(graceMs), this.parts.supervisor.stop(graceMs)]);
      await this.dispatcher.close(3000);
      this.unsubscribeDispatcher();
      for (const off of this.unsubscribe) off();
      this.parts.destroyRefresher();
      await this.parts.state.flush();
      await this.parts.release();
      await closeLogger(this.logger);
    })();
    return this.stopping;
  }

  /** Resolves each `exports:` profile against the AWS config as it is now; unchanged exports keep their timers. */
  private async planExports(): Promise<void> {
    const { config } = this.ws;
    const setup = config.exports.length > 0 ? this.ws : null;
    this.parts.exporter.apply(setup ? planExports(config.exports, setup) : { jobs: [], problems: [] });
  }

  private watch(): void {
    this.unwatch();
    const files = [this.ws.paths.awsConfigFile, ...(this.ws.config.file ? [this.ws.config.file] : [])];
    this.unwatch = watchFiles(files, () => void this.reload('file changed'));
  }
}

function logSettings(ws: Setup) {
  const { level, file, maxSize, maxFiles } = ws.config.log;
  return { level, maxSize, maxFiles, file: isAbsolute(file) ? file : join(ws.paths.stateDir, file) };
}

async function daemonDispatcher(
  config: SupervisorConfig,
  logger: DaemonLogger,
  opts: { clock: Clock; plugins: readonly NotifierPlugin[] },
) {
  const { dispatcher, errors } = await composeNotifiers(config, logger, opts.clock, opts.plugins);
  for (const problem of errors) logger.error('notifier not started', { problem });
  return dispatcher;
}
