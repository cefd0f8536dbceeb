import type { Severity, SupervisorEvent } from '../events/supervisor-event';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import { exportFailureEvent, type ExportFailure } from './export-failure-event';
import type { ExportJob, ExportPlan } from './plan-exports';
import { runExport, type ExportRun, type ExportRunDeps } from './run-export';

export interface ExportSchedulerDeps extends Omit<ExportRunDeps, 'now'> {
  publish: (event: SupervisorEvent) => void;
  logger: Logger;
  clock: Clock;
  /** After a failure, wait `first`, doubling up to `max`. Default 15 s and 5 min. */
  retry?: { first: number; max: number };
}

interface Slot {
  job: ExportJob;
  timer?: NodeJS.Timeout;
  dueAt: number;
  /** Of the credentials we last wrote (or found current) in the file. */
  expiration?: number;
  failures: number;
  /** The worst severity reported in this failure streak: one event per streak, another if it gets worse. */
  reported?: Severity;
  warnedShortMargin?: boolean;
  removed?: boolean;
}

/** Timers re-read the clock at least this often, so a machine that slept renews soon after it wakes. */
const MAX_WAIT_MS = 60_000;
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

const keyOf = ({ entry: { at: _at, ...entry }, profile, settings, stateDir }: ExportJob) =>
  JSON.stringify([entry, profile, settings, stateDir]);

/**
 * Keeps each planned file filled with its profile's role credentials: written at once, then again before
 * `renewBefore` is left on them. Runs for one file queue behind each other, so two sections of one
 * credentials file never race. `apply` takes a new plan on reload: unchanged jobs keep their timers.
 */
export class ExportScheduler {
  private readonly slots = new Map<string, Slot>();
  private readonly queues = new Map<string, Promise<void>>();
  private reportedProblems = new Set<string>();
  private stopped = false;

  constructor(private readonly deps: ExportSchedulerDeps) {}

  apply(plan: ExportPlan): void {
    if (this.stopped) return;
    const wanted = new Map(plan.jobs.map((job) => [keyOf(job), job]));
    for (const [key, slot] of this.slots) {
      if (wanted.has(key)) continue;
      clearTimeout(slot.timer);
      slot.removed = true;
      this.slots.delete(key);
    }
    for (const [key, job] of wanted) {
      if (this.slots.has(key)) continue;
      const slot: Slot = { job, dueAt: 0, failures: 0 };
      this.slots.set(key, slot);
      this.enqueue(slot);
    }
    // A reload plans again; a problem already reported stays reported until it goes away.
    const problems = new Set(plan.problems.map((p) => p.message));
    for (const { entry, message } of plan.problems) {
      if (!this.reportedProblems.has(message)) this.report({ entry, problem: message, severity: 'error' });
    }
    this.reportedProblems = problems;
  }

  /** No new runs; waits up to `graceMs` for the ones under way, whose writes are whole or not done at all. */
  async stop(graceMs = 5000): Promise<void> {
    this.stopped = true;
    for (const slot of this.slots.values()) clearTimeout(slot.timer);
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([Promise.all(this.queues.values()), grace]);
    clearTimeout(timer);
  }

  private now(): number {
    return this.deps.clock.now().getTime();
  }

  private arm(slot: Slot, dueAt: number): void {
    clearTimeout(slot.timer);
    slot.dueAt = dueAt;
    const wait = Math.min(Math.max(dueAt - this.now(), 0), MAX_WAIT_MS);
    slot.timer = setTimeout(() => {
      if (this.now() >= slot.dueAt) this.enqueue(slot);
      else this.arm(slot, slot.dueAt);
    }, wait);
    slot.timer.unref();
  }

  private enqueue(slot: Slot): void {
    const { path } = slot.job.entry;
    const next = (this.queues.get(path) ?? Promise.resolve())
      .then(() => this.run(slot))
      .catch((error: unknown) => {
        this.deps.logger.error('export run failed', { error: String(error) });
      });
    this.queues.set(path, next);
    void next.then(() => {
      if (this.queues.get(path) === next) this.queues.delete(path);
    });
  }

  private async run(slot: Slot): Promise<void> {
    if (this.stopped || slot.removed) return;
    const { refresher, fetcher, recordSecret } = this.deps;
    let result: ExportRun;
    try {
      result = await runExport(slot.job, {
        now: () => this.deps.clock.now(),
        refresher,
        fetcher,
        recordSecret,
      });
    } catch (error) {
      // The log blanks recorded secrets; an event goes to notifiers as it is, so it gets no error text.
      this.deps.logger.error('export run failed', { file: slot.job.entry.path, error: String(error) });
      result = { ok: false, kind: 'file', problem: 'unexpected error; see the log' };
    }
    if (this.stopped || slot.removed) return;
    if (result.ok) this.succeeded(slot, result);
    else this.failed(slot, result);
  }

  private succeeded(slot: Slot, result: Extract<ExportRun, { ok: true }>): void {
    const { entry, profile } = slot.job;
    const now = this.now();
    const left = result.expiration.getTime() - now;
    let wait = left - entry.renewBefore;
    // New credentials that last no longer than the margin would be renewed in a loop: renew at a tenth of their life.
    if (result.fromPortal && wait < left / 10) {
      wait = left / 10;
      if (!slot.warnedShortMargin)
        this.deps.logger.warn('renewBefore is not shorter than the role credentials last', {
          export: entry.at,
          profile: profile.name,
          renewBeforeMs: entry.renewBefore,
          lifetimeMs: left,
        });
      slot.warnedShortMargin = true;
    }
    const fields = {
      profile: profile.name,
      file: entry.path,
      format: entry.format,
      ...(entry.section !== undefined && { section: entry.section }),
      expiresAt: result.expiration.toISOString(),
      nextRenewal: new Date(now + wait).toISOString(),
    };
    if (result.written) this.deps.logger.info('credentials exported', fields);
    else this.deps.logger.debug('exported credentials still current', fields);
    if (result.warning)
      this.deps.logger.warn('credentials export warning', { profile: profile.name, problem: result.warning });
    slot.expiration = result.expiration.getTime();
    slot.failures = 0;
    slot.reported = undefined;
    this.arm(slot, now + Math.max(wait, 1000));
  }

  private failed(slot: Slot, result: Extract<ExportRun, { ok: false }>): void {
    const { entry, profile } = slot.job;
    const now = this.now();
    const lapsed = slot.expiration === undefined || slot.expiration <= now;
    // A file we may not change needs a person whatever the credentials in it still have left.
    const severity: Severity = result.kind === 'file' || lapsed ? 'error' : 'warning';
    slot.failures++;
    if (RANK[severity] > RANK[slot.reported ?? 'info']) {
      slot.reported = severity;
      const { command } = result;
      this.report({ entry, session: profile.session, problem: result.problem, severity, command });
    } else {
      this.deps.logger.warn('credentials still not exported', {
        profile: profile.name,
        file: entry.path,
        failures: slot.failures,
        problem: result.problem,
      });
    }
    const { first, max } = this.deps.retry ?? { first: 15_000, max: 300_000 };
    this.arm(slot, now + Math.min(first * 2 ** (slot.failures - 1), max));
  }

  private report(failure: ExportFailure): void {
    this.deps.publish(exportFailureEvent(failure, this.deps.clock.now()));
  }
}
