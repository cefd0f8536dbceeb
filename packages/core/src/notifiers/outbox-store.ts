import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SupervisorEvent } from '../events/supervisor-event';
import { replacePrivateFile } from '../state/private-file';
import type { Logger } from '../util/logger';
import { cleanEvent } from './route-event';

/** The outbox file in the state folder (docs/contract.md, "Files"). */
export const OUTBOX_FILE_NAME = 'outbox.json';

/** How long and how often undelivered alerts are tried again. Milliseconds. */
export interface OutboxPolicy {
  /** Alerts kept at most; beyond it the oldest is dropped (logged). */
  maxEntries: number;
  /** An alert not delivered this long after it first failed is given up (logged). */
  window: number;
  /** The first wait after a failure; it doubles per attempt up to `maxDelay`. */
  baseDelay: number;
  maxDelay: number;
}

export const OUTBOX_DEFAULTS: OutboxPolicy = {
  maxEntries: 200,
  window: 24 * 3600_000,
  baseDelay: 30_000,
  maxDelay: 30 * 60_000,
};

export interface OutboxEntry {
  id: string;
  notifier: string;
  event: SupervisorEvent;
  firstFailedAt: number;
  attempts: number;
  nextAttemptAt: number;
}

function readEntries(file: string, logger: Logger): OutboxEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      logger.warn('outbox unreadable; starting empty', { file, error: (error as Error).message });
    return [];
  }
  try {
    const parsed = JSON.parse(text) as { entries?: OutboxEntry[] };
    return (parsed.entries ?? []).filter(
      (e) => typeof e.id === 'string' && typeof e.notifier === 'string' && typeof e.event?.type === 'string',
    );
  } catch {
    logger.warn('outbox malformed; starting empty', { file });
    return [];
  }
}

/**
 * Alerts (warning and above) that a notifier could not take after the dispatcher's retries, kept in
 * the state folder (0600) so that a Slack outage or a daemon restart does not lose them. Events are
 * stored as notifiers see them minus the login link and code, so the file holds nothing secret. One
 * store per daemon process, shared by every dispatcher a reload makes.
 */
export class OutboxStore {
  private entries: OutboxEntry[];
  private writing: Promise<void> = Promise.resolve();
  /**
   * Entries on a notifier's queue right now. Kept here, not in a dispatcher, because for a moment
   * during a reload two dispatchers share the store, and neither may send an entry the other holds.
   */
  private readonly claimed = new Set<string>();

  constructor(
    readonly file: string,
    private readonly logger: Logger,
    readonly policy: OutboxPolicy = OUTBOX_DEFAULTS,
  ) {
    this.entries = readEntries(file, logger);
  }

  static inStateDir(stateDir: string, logger: Logger, policy?: Partial<OutboxPolicy>): OutboxStore {
    return new OutboxStore(join(stateDir, OUTBOX_FILE_NAME), logger, { ...OUTBOX_DEFAULTS, ...policy });
  }

  get size(): number {
    return this.entries.length;
  }

  list(): readonly OutboxEntry[] {
    return this.entries;
  }

  add(notifier: string, event: SupervisorEvent, now: number): void {
    const entry: OutboxEntry = {
      id: randomBytes(6).toString('hex'),
      notifier,
      event: cleanEvent(event, false),
      firstFailedAt: now,
      attempts: 0,
      nextAttemptAt: now + this.policy.baseDelay,
    };
    this.entries.push(entry);
    this.logger.info('notification kept in the outbox for a later attempt', this.fields(entry));
    while (this.entries.length > this.policy.maxEntries) {
      const dropped = this.entries.shift() as OutboxEntry;
      this.logger.warn('outbox full, oldest notification dropped', this.fields(dropped));
    }
    this.save();
  }

  /** Entries due now for these notifiers, after dropping (logged) the ones past the window. */
  due(now: number, notifiers: ReadonlySet<string>): OutboxEntry[] {
    const expired = this.entries.filter((e) => now - e.firstFailedAt >= this.policy.window);
    for (const entry of expired)
      this.logger.warn('notification given up after the outbox window', this.fields(entry));
    if (expired.length > 0) this.remove(...expired.map((e) => e.id));
    return this.entries.filter(
      (e) => notifiers.has(e.notifier) && e.nextAttemptAt <= now && !this.claimed.has(e.id),
    );
  }

  /** Marks an entry as being sent; false when someone already is. */
  claim(id: string): boolean {
    if (this.claimed.has(id)) return false;
    this.claimed.add(id);
    return true;
  }

  /** Whether a notifier has kept entries nobody is sending right now. */
  waiting(notifier: string): boolean {
    return this.entries.some((e) => e.notifier === notifier && !this.claimed.has(e.id));
  }

  /** The earliest time something is due for these notifiers, if anything is kept for them. */
  nextDue(notifiers: ReadonlySet<string>): number | undefined {
    const times = this.entries
      .filter((e) => notifiers.has(e.notifier) && !this.claimed.has(e.id))
      .map((e) => e.nextAttemptAt);
    return times.length > 0 ? Math.min(...times) : undefined;
  }

  /** Makes a notifier's kept entries due now: it just delivered something, so it is back. */
  wake(notifier: string, now: number): void {
    for (const e of this.entries)
      if (e.notifier === notifier) e.nextAttemptAt = Math.min(e.nextAttemptAt, now);
  }

  failed(id: string, now: number): void {
    this.claimed.delete(id);
    const entry = this.entries.find((e) => e.id === id);
    if (!entry) return;
    entry.attempts += 1;
    const delay = Math.min(this.policy.baseDelay * 2 ** entry.attempts, this.policy.maxDelay);
    entry.nextAttemptAt = now + delay;
    this.save();
  }

  remove(...ids: string[]): void {
    for (const id of ids) this.claimed.delete(id);
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => !ids.includes(e.id));
    if (this.entries.length !== before) this.save();
  }

  /** Resolves once every change so far is on disk. */
  settled(): Promise<void> {
    return this.writing;
  }

  private fields(entry: OutboxEntry) {
    return { notifier: entry.notifier, event: entry.event.type, session: entry.event.session };
  }

  /** Whole-file replace through a 0600 temp file, one write at a time, in order. */
  private save(): void {
    const text = `${JSON.stringify({ version: 1, entries: this.entries }, null, 2)}\n`;
    this.writing = this.writing.then(async () => {
      try {
        await replacePrivateFile(dirname(this.file), basename(this.file), text, { sync: true });
      } catch (error) {
        this.logger.warn('outbox could not be saved', { file: this.file, error: (error as Error).message });
      }
    });
  }
}
