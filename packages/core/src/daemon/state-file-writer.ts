import { join } from 'node:path';
import type { SecretRegistry } from '../logging/secret-registry';
import { systemClock, type Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import { STATE_FILE_NAME, type SessionRecord, type StateFile } from './state-file';
import { writeStateFile } from './write-state-file';

export interface StateFileWriterOptions {
  stateDir: string;
  logger: Logger;
  clock?: Clock;
  /** Blanks registered secrets inside `lastError` (error texts can quote a server's reply). */
  secrets?: SecretRegistry;
  /** Least time between two writes. */
  intervalMs?: number;
  /** Records carried over from the previous run's state file. */
  sessions?: Record<string, SessionRecord>;
}

/**
 * Keeps the daemon's state file current without writing on every change: a burst of session updates (a
 * pass over twenty sessions) becomes one write, at most one per `intervalMs`. `flush()` writes what is
 * pending at once, for shutdown. Write failures are logged, never thrown: the state file is a courtesy to
 * `status`, not something to stop refreshing for.
 */
export class StateFileWriter {
  private readonly sessions: Map<string, SessionRecord>;
  private readonly startedAt: string;
  private readonly clock: Clock;
  private readonly intervalMs: number;
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();
  private dirty = true;
  private lastWrite = 0;
  private failing = false;

  constructor(private readonly opts: StateFileWriterOptions) {
    this.clock = opts.clock ?? systemClock;
    this.intervalMs = opts.intervalMs ?? 250;
    this.startedAt = this.clock.now().toISOString();
    this.sessions = new Map(Object.entries(opts.sessions ?? {}));
  }

  /** Records a session's state; null forgets the session (it is no longer supervised). */
  setSession(id: string, record: SessionRecord | null): void {
    if (record) this.sessions.set(id, { ...record });
    else this.sessions.delete(id);
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        void this.write();
      },
      Math.max(0, this.lastWrite + this.intervalMs - Date.now()),
    );
    this.timer.unref();
  }

  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return this.write();
  }

  private write(): Promise<void> {
    this.chain = this.chain.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      this.lastWrite = Date.now();
      try {
        await writeStateFile(this.opts.stateDir, this.snapshot());
        this.failing = false;
      } catch (error) {
        this.dirty = true;
        if (!this.failing) {
          const file = join(this.opts.stateDir, STATE_FILE_NAME);
          const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
          this.opts.logger.warn('cannot write the state file; status may be out of date', {
            file,
            error: reason,
          });
        }
        this.failing = true;
      }
    });
    return this.chain;
  }

  private snapshot(): StateFile {
    const sessions: Record<string, SessionRecord> = {};
    for (const [id, record] of this.sessions) {
      const lastError =
        record.lastError && this.opts.secrets ? this.opts.secrets.redact(record.lastError) : record.lastError;
      sessions[id] = { ...record, ...(lastError !== undefined && { lastError }) };
    }
    const now = this.clock.now().toISOString();
    return { version: 1, pid: process.pid, startedAt: this.startedAt, updatedAt: now, sessions };
  }
}
