import { isAbsolute, join } from 'node:path';
import {
  container as rootContainer,
  instanceCachingFactory,
  type DependencyContainer,
  type InjectionToken,
} from 'tsyringe';
import type { Setup } from '../setup/load-setup';
import { daemonControlHandler } from './control-handlers';
import { TOKENS } from '../di/tokens';
import { createOidcRefresher, secretRecordingRefresher, type TokenRefresher } from '../engine/oidc-refresher';
import { SessionRefresher } from '../engine/session-refresher';
import { EventBus } from '../events/event-bus';
import { ExportScheduler } from '../exports/export-scheduler';
import { createLogger } from '../logging/create-logger';
import { SecretRegistry } from '../logging/redaction';
import { createRoutedNotifiers } from '../notifiers/create-routed-notifiers';
import { Dispatcher, DISPATCHER_OPTIONS, OUTBOX, type DispatcherOverrides } from '../notifiers/dispatcher';
import { OutboxStore, type OutboxPolicy } from '../notifiers/outbox-store';
import type { NotifierPlugin } from '../notifiers/notifier-contract';
import { StateFileWriter, type SessionRecord } from '../state/state-file';
import type { DeviceLoginRunner } from '../supervisor/device-reauth';
import { CredentialsBroker } from '../server/credentials-broker';
import { DaemonLogins } from '../server/daemon-logins';
import { DaemonWeb } from '../server/daemon-web';
import { Supervisor } from '../supervisor/supervisor';
import { systemClock, type Clock } from '../util/clock';
import type { Logger } from '../util/logger';

/** What one load of supervisor.yaml and the AWS config gives the daemon: the setup every command loads. */
export type DaemonSetup = Setup;

/** What a test or the bench replaces; everything else is built as the daemon builds it. */
export interface DaemonOverrides {
  Clock?: Clock;
  Logger?: Logger;
  /** The SSO OIDC client (CreateToken); the secrets passing through it are still recorded. */
  TokenRefresher?: TokenRefresher;
  DispatcherOptions?: DispatcherOverrides;
  /** How long and how often undelivered alerts are tried again; `false`: no outbox (`notify test`). */
  Outbox?: Partial<OutboxPolicy> | false;
  DeviceLogin?: DeviceLoginRunner;
  /** The browser login the status page and login links start; its timeout. */
  BrowserLogin?: { timeoutMs?: number };
}

export interface ComposeDaemonOptions {
  /** The first load: where the state and log files are, and the log settings, for the whole run. */
  setup: DaemonSetup;
  /** The notifier types `type:` names; the CLI passes its built-in ones. */
  plugins: readonly NotifierPlugin[];
  /** Where log lines go besides the file; stderr by default. */
  console?: NodeJS.WritableStream & { isTTY?: boolean };
  env?: Record<string, string | undefined>;
  /** The previous run's records by session id, so the last login survives a restart. */
  carriedOver?: Record<string, SessionRecord>;
  overrides?: DaemonOverrides;
}

const once = <T>(make: (c: DependencyContainer) => T) => ({ useFactory: instanceCachingFactory(make) });

function logFile({ config, paths }: DaemonSetup): string {
  return isAbsolute(config.log.file) ? config.log.file : join(paths.stateDir, config.log.file);
}

/**
 * The daemon's object graph. The process scope holds what lives as long as the daemon (logger, clock,
 * secrets, event bus, refreshers, state file, supervisor and its workers, exports); each `load` adds a
 * child scope with that load's setup, notifiers and dispatcher.
 */
export class DaemonGraph {
  private scope: DependencyContainer;
  private notifiersKey?: string;

  constructor(readonly container: DependencyContainer) {
    this.scope = container;
  }

  /** From the current load's scope, falling back to the process scope. */
  resolve<T>(token: InjectionToken<T>): T {
    return this.scope.resolve<T>(token);
  }

  get setup(): DaemonSetup {
    return this.resolve<DaemonSetup>(TOKENS.Setup);
  }

  /**
   * A (re)load: a child scope with `setup` and the dispatcher for its notifiers. When the notifier
   * settings did not change, the dispatcher (its queues and cooldowns) carries over; otherwise the new one
   * comes with the notifiers that could not be created, as `notifiers[2].field: message` lines.
   */
  async load(setup: DaemonSetup): Promise<{ dispatcher: Dispatcher; errors: string[] }> {
    const scope = this.container.createChildContainer();
    scope.register(TOKENS.Setup, { useValue: setup });
    const key = JSON.stringify(setup.config.notifiers);
    let errors: string[] = [];
    if (this.scope !== this.container && key === this.notifiersKey) {
      scope.register(Dispatcher, { useValue: this.scope.resolve(Dispatcher) });
    } else {
      const created = await createRoutedNotifiers(
        setup.config.notifiers,
        scope.resolveAll<NotifierPlugin>(TOKENS.NotifierPlugin),
        {
          logger: scope.resolve<Logger>(TOKENS.Logger),
          configFile: setup.config.file ?? `${process.cwd()}/supervisor.yaml`,
          secrets: scope.resolve(SecretRegistry),
        },
      );
      errors = created.errors;
      for (const r of created.routed) scope.register(TOKENS.RoutedNotifier, { useValue: r });
      scope.register(Dispatcher, { useValue: scope.resolve(Dispatcher) });
    }
    this.scope = scope;
    this.notifiersKey = key;
    return { dispatcher: scope.resolve(Dispatcher), errors };
  }
}

/**
 * The composition root: every tsyringe registration sits here, and the daemon, `notify test`, the tests
 * and the bench all build their graph through it, replacing parts with `overrides`. A child of tsyringe's
 * global container per call, so two daemons (or tests) never share a part.
 */
export function composeDaemon(options: ComposeDaemonOptions): DaemonGraph {
  const { setup, overrides = {} } = options;
  const c = rootContainer.createChildContainer();
  c.register(TOKENS.Setup, { useValue: setup });
  c.register(TOKENS.Clock, { useValue: overrides.Clock ?? systemClock });
  c.register(SecretRegistry, { useValue: new SecretRegistry() });
  c.register(DISPATCHER_OPTIONS, { useValue: overrides.DispatcherOptions ?? {} });
  for (const plugin of options.plugins) c.register(TOKENS.NotifierPlugin, { useValue: plugin });
  c.register(
    TOKENS.Logger,
    once(
      (r) =>
        overrides.Logger ??
        createLogger({
          level: setup.config.log.level,
          file: logFile(setup),
          maxSize: setup.config.log.maxSize,
          maxFiles: setup.config.log.maxFiles,
          console: options.console ?? process.stderr,
          env: options.env ?? process.env,
          secrets: r.resolve(SecretRegistry),
          clock: r.resolve<Clock>(TOKENS.Clock),
        }),
    ),
  );
  const logger = (r: DependencyContainer) => r.resolve<Logger>(TOKENS.Logger);
  const clock = (r: DependencyContainer) => r.resolve<Clock>(TOKENS.Clock);
  // One per process, shared by the dispatcher of every load, read from the state folder at start.
  if (overrides.Outbox !== false) {
    const policy = overrides.Outbox;
    c.register(
      OUTBOX,
      once((r) => OutboxStore.inStateDir(setup.paths.stateDir, logger(r), policy)),
    );
  }
  const recordSecret = (r: DependencyContainer) => {
    const secrets = r.resolve(SecretRegistry);
    return (secret: string | undefined) => secrets.add(secret);
  };
  c.register(
    EventBus,
    once(
      (r) =>
        new EventBus((error, event) =>
          logger(r).error('event listener failed', { event: event.type, error: String(error) }),
        ),
    ),
  );
  const publish = (r: DependencyContainer) => {
    const bus = r.resolve(EventBus);
    return (event: Parameters<EventBus['publish']>[0]) => bus.publish(event);
  };
  c.register(
    TOKENS.TokenRefresher,
    once((r) => secretRecordingRefresher(overrides.TokenRefresher ?? createOidcRefresher(), recordSecret(r))),
  );
  c.register(
    SessionRefresher,
    once(
      (r) =>
        new SessionRefresher(r.resolve(TOKENS.TokenRefresher), undefined, {
          stateDir: setup.paths.stateDir,
          onUnlocked: (problem) => logger(r).warn('refreshing without the cross-process lock', problem),
        }),
    ),
  );
  c.register(
    StateFileWriter,
    once(
      (r) =>
        new StateFileWriter({
          stateDir: setup.paths.stateDir,
          logger: logger(r),
          clock: clock(r),
          secrets: r.resolve(SecretRegistry),
        }),
    ),
  );
  // Role secrets go into the export files by design; the registry keeps them out of the log should they stray.
  c.register(
    ExportScheduler,
    once(
      (r) =>
        new ExportScheduler({
          publish: publish(r),
          logger: logger(r),
          clock: clock(r),
          refresher: r.resolve(SessionRefresher),
          recordSecret: recordSecret(r),
        }),
    ),
  );
  const graph = new DaemonGraph(c);
  // The broker asks for the setup per request, so a reload's profiles are served at once.
  c.register(
    CredentialsBroker,
    once(
      (r) =>
        new CredentialsBroker({
          stateDir: setup.paths.stateDir,
          setup: () => graph.setup,
          refresher: r.resolve(SessionRefresher),
          recordSecret: recordSecret(r),
        }),
    ),
  );
  c.register(
    Supervisor,
    once((r) => {
      const state = r.resolve(StateFileWriter);
      return new Supervisor({
        refresher: r.resolve(SessionRefresher),
        publish: publish(r),
        logger: logger(r),
        clock: clock(r),
        onState: (id, s) => state.setSession(id, s),
        // Asked each time a person must log in, so a reload applies to the next one.
        reauth: () => graph.setup.config.reauth,
        loginLink: (supervised) => r.resolve(DaemonWeb).loginUrl(supervised),
        deviceLogin: overrides.DeviceLogin,
        carriedOver: options.carriedOver,
      });
    }),
  );
  // Login links and the status page; the in-daemon browser login checks its session once written.
  c.register(
    DaemonLogins,
    once(
      (r) =>
        new DaemonLogins({
          setup: () => graph.setup,
          logger: logger(r),
          onLoggedIn: (id) => void r.resolve(Supervisor).checkSession(id),
          timeoutMs: overrides.BrowserLogin?.timeoutMs,
        }),
    ),
  );
  c.register(
    DaemonWeb,
    once(
      (r) =>
        new DaemonWeb({
          setup: () => graph.setup,
          record: (id) => r.resolve(StateFileWriter).record(id),
          logins: r.resolve(DaemonLogins),
          logger: logger(r),
        }),
    ),
  );
  c.register(
    TOKENS.ControlHandler,
    once((r) =>
      daemonControlHandler({
        refresher: r.resolve(SessionRefresher),
        setup: () => graph.setup,
        logger: logger(r),
      }),
    ),
  );
  return graph;
}
