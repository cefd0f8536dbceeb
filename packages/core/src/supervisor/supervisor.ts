import { basename } from 'node:path';
import type { SessionRefresher } from '../engine/session-refresher';
import type { SupervisorEvent } from '../events/supervisor-event';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import { ClockJumpDetector } from './clock-jump-detector';
import type { SupervisedSession } from '../config/session-settings';
import { ScheduleTicker } from './schedule-ticker';
import { SessionWorker, type WorkerDeps } from './session-worker';
import type { WorkerState } from './worker-state';
import { watch, type FSWatcher } from 'node:fs';

export interface SupervisorDeps extends Pick<
  WorkerDeps,
  'reauth' | 'deviceLogin' | 'carriedOver' | 'loginLink'
> {
  refresher: SessionRefresher;
  publish: (event: SupervisorEvent) => void;
  logger: Logger;
  clock: Clock;
  onState: (id: string, state: WorkerState | null) => void;
  /** Overrides for tests. */
  clockJump?: { intervalMs?: number; toleranceMs?: number; monotonic?: () => number };
}

export interface ApplyResult {
  added: string[];
  removed: string[];
  retuned: string[];
}

/** One worker per session; reconciles them with the config, and checks all at once after a clock jump. */
export class Supervisor {
  private readonly workers = new Map<string, SessionWorker>();
  private unwatch: Array<() => void> = [];
  private started = false;
  private readonly ticker = new ScheduleTicker();
  private readonly detector: ClockJumpDetector;

  constructor(private readonly deps: SupervisorDeps) {
    this.detector = new ClockJumpDetector({
      clock: deps.clock,
      ...deps.clockJump,
      onJump: (aheadMs) => {
        deps.logger.info('clock jumped; checking every session now', { aheadMs: Math.round(aheadMs) });
        void this.checkAll();
      },
    });
  }

  get sessionIds(): string[] {
    return [...this.workers.keys()];
  }

  start(supervised: SupervisedSession[]): void {
    this.apply(supervised);
    this.started = true;
    this.detector.start();
    this.deps.publish({
      type: 'supervisor.started',
      time: this.deps.clock.now().toISOString(),
      severity: 'info',
      message: `sso-supervisor started; watching ${supervised.length} session(s)`,
    });
    void this.checkAll();
  }

  /** Starts, stops and retunes workers so they match `supervised`. A session added by a reload is checked at once. */
  apply(supervised: SupervisedSession[]): ApplyResult {
    const result: ApplyResult = { added: [], removed: [], retuned: [] };
    const wanted = new Map(supervised.map((s) => [s.session.id, s]));
    for (const [id, worker] of this.workers) {
      if (!wanted.has(id)) {
        worker.stop();
        this.workers.delete(id);
        this.deps.onState(id, null);
        result.removed.push(id);
      }
    }
    for (const [id, next] of wanted) {
      const worker = this.workers.get(id);
      if (worker) {
        if (JSON.stringify(worker.current) !== JSON.stringify(next)) result.retuned.push(id);
        worker.retune(next);
        continue;
      }
      const created: SessionWorker = new SessionWorker(next, {
        ...this.deps,
        ticker: this.ticker,
        // A check can end after its worker was removed; its state must not bring the session back.
        onState: (wid, state) => {
          if (this.workers.get(wid) === created) this.deps.onState(wid, state);
        },
      });
      this.workers.set(id, created);
      created.start();
      if (this.started) void created.check();
      result.added.push(id);
    }
    this.rewatch();
    return result;
  }

  /** One session now (a login written by the daemon itself); unknown ids are ignored. */
  checkSession(id: string): Promise<void> {
    return this.workers.get(id)?.check() ?? Promise.resolve();
  }

  checkAll(): Promise<void> {
    return Promise.all([...this.workers.values()].map((w) => w.check())).then(() => undefined);
  }

  async stop(graceMs = 5000): Promise<void> {
    this.detector.stop();
    for (const off of this.unwatch) off();
    for (const worker of this.workers.values()) worker.stop();
    await Promise.all([...this.workers.values()].map((w) => w.drain(graceMs)));
    this.deps.publish({
      type: 'supervisor.stopped',
      time: this.deps.clock.now().toISOString(),
      severity: 'info',
      message: 'sso-supervisor stopped',
    });
  }

  /**
   * A held session is re-checked as soon as its cache file changes (a new login), not at the next tick;
   * a quiet one (whose ticks skip the pass) is looked at on the next tick.
   */
  private rewatch(): void {
    for (const off of this.unwatch) off();
    const byDir = new Map<string, Map<string, SessionWorker>>();
    for (const worker of this.workers.values()) {
      const file = worker.current.session.cacheFile;
      const dir = file.slice(0, file.length - basename(file).length);
      if (!byDir.has(dir)) byDir.set(dir, new Map());
      byDir.get(dir)!.set(basename(file), worker);
    }
    this.unwatch = [...byDir].map(([dir, files]) =>
      watchCacheDir(
        dir,
        (name) => {
          files.get(name)?.cacheChanged();
        },
        this.deps.logger,
      ),
    );
  }
}

/**
 * Calls `onChange(fileName)` when a file in the token cache folder changes, so a new `aws sso login`
 * is noticed at once. Best effort: a folder that cannot be watched (missing, no inotify slots) only
 * means the next cron tick notices instead.
 */
export function watchCacheDir(dir: string, onChange: (fileName: string) => void, logger: Logger): () => void {
  let watcher: FSWatcher;
  try {
    watcher = watch(dir, { persistent: false }, (_event, name) => {
      if (name) onChange(name.toString());
    });
  } catch (error) {
    logger.debug('cache folder not watched; relying on scheduled checks', { dir, error: String(error) });
    return () => {};
  }
  watcher.on('error', (error) => logger.debug('cache folder watch ended', { dir, error: String(error) }));
  return () => watcher.close();
}
