import { z } from 'zod';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { replacePrivateFile } from './private-file';
import type { SecretRegistry } from '../logging/redaction';
import { systemClock, type Clock } from '../util/clock';
import type { Logger } from '../util/logger';

export const STATE_FILE_NAME = 'state.json';

const timestamp = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'is not a valid timestamp' });

/**
 * What the daemon knows about one session beyond its cache file. Keys are listed, never passed through:
 * parsing strips anything else, so a field that should not be here (a token) cannot reach the disk.
 */
export const sessionRecordSchema = z.object({
  name: z.string().nullable(),
  lastCheck: timestamp.optional(),
  lastRefresh: timestamp.optional(),
  nextCheck: timestamp.optional(),
  consecutiveFailures: z.number().int().nonnegative(),
  state: z.string().optional(),
  stateSince: timestamp.optional(),
  lastError: z.string().optional(),
  lapsed: z.boolean().optional(),
  loginAt: timestamp.optional(),
  sessionEndsAt: timestamp.optional(),
});

/** `state.json` in the state dir: read by `status` (with or without the daemon), written by `run`. */
export const stateFileSchema = z.object({
  version: z.literal(1),
  pid: z.number().int().positive(),
  startedAt: timestamp,
  updatedAt: timestamp,
  sessions: z.record(z.string(), sessionRecordSchema),
});

export type SessionRecord = z.infer<typeof sessionRecordSchema>;
export type StateFile = z.infer<typeof stateFileSchema>;

export interface StateFileRead {
  /** null when there is no state file, or it cannot be used. */
  state: StateFile | null;
  /** Why an existing file was ignored. */
  warning?: string;
}

/** The daemon's state file. A corrupt one reads as none, with a warning, because `status` must still work. */
export async function readStateFile(stateDir: string): Promise<StateFileRead> {
  const file = join(stateDir, STATE_FILE_NAME);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? { state: null }
      : { state: null, warning: `${file} cannot be read (${code}); ignored` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { state: null, warning: `${file} is not valid JSON; ignored` };
  }
  const parsed = stateFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : '(top level)';
    return { state: null, warning: `${file} has an unexpected shape (${where}: ${issue.message}); ignored` };
  }
  return { state: parsed.data };
}

/** Every key a session record may hold, for the writer's per-write copy (no schema parse per tick). */
const RECORD_KEYS = Object.keys(sessionRecordSchema.shape) as (keyof SessionRecord)[];
/** What changes on every tick of a healthy session: written at most every `routineMs`. */
const ROUTINE_KEYS: ReadonlySet<string> = new Set(['lastCheck', 'nextCheck']);

/**
 * Replaces the state file whole: a temp file (0600) written and fsynced, then renamed over it, so a reader
 * or a crash never meets half a file. Parsing first drops any key the schema does not list.
 */
export async function writeStateFile(stateDir: string, state: StateFile): Promise<void> {
  await replaceStateFile(stateDir, stateFileSchema.parse(state));
}

async function replaceStateFile(stateDir: string, clean: StateFile): Promise<void> {
  await replacePrivateFile(stateDir, STATE_FILE_NAME, `${JSON.stringify(clean, null, 2)}\n`, { sync: true });
}

/** Which keys of a record changed: none, only the routine ones, or something `status` must show soon. */
function changeOf(
  before: SessionRecord | undefined,
  after: SessionRecord | null,
): 'none' | 'routine' | 'news' {
  if (!before || !after) return before === after ? 'none' : 'news';
  let change: 'none' | 'routine' = 'none';
  for (const key of RECORD_KEYS) {
    if (before[key] === after[key]) continue;
    if (!ROUTINE_KEYS.has(key)) return 'news';
    change = 'routine';
  }
  return change;
}

/** A copy holding only the listed keys, so a field that should not be here (a token) cannot reach the disk. */
function pickRecord(record: SessionRecord, lastError: string | undefined): SessionRecord {
  const out: Record<string, unknown> = {};
  for (const key of RECORD_KEYS) if (record[key] !== undefined) out[key] = record[key];
  if (lastError !== undefined) out.lastError = lastError;
  return out as SessionRecord;
}

export interface StateFileWriterOptions {
  stateDir: string;
  logger: Logger;
  clock?: Clock;
  /** Blanks registered secrets inside `lastError` (error texts can quote a server's reply). */
  secrets?: SecretRegistry;
  /** Least time between two writes when a session's state, failures, error or refresh changed. */
  intervalMs?: number;
  /** Least time between two writes when only the routine check times moved. */
  routineMs?: number;
  /** Records carried over from the previous run's state file. */
  sessions?: Record<string, SessionRecord>;
}

/**
 * Keeps the daemon's state file current without writing on every change. What `status` must show soon (a
 * refresh, a failure, a login needed) is written within `intervalMs`, a burst of them as one write; the
 * check times that move on every tick only every `routineMs`; an unchanged record not at all. `flush()`
 * writes what is pending at once, for shutdown. Write failures are logged, never thrown: the state file
 * is a courtesy to `status`, not something to stop refreshing for.
 */
export class StateFileWriter {
  private readonly sessions: Map<string, SessionRecord>;
  private readonly startedAt: string;
  private readonly clock: Clock;
  private readonly intervalMs: number;
  private readonly routineMs: number;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  private chain: Promise<void> = Promise.resolve();
  private dirty = true;
  private lastWrite = 0;
  private failing = false;

  constructor(private readonly opts: StateFileWriterOptions) {
    this.clock = opts.clock ?? systemClock;
    this.intervalMs = opts.intervalMs ?? 250;
    this.routineMs = opts.routineMs ?? 10_000;
    this.startedAt = this.clock.now().toISOString();
    this.sessions = new Map(Object.entries(opts.sessions ?? {}));
  }

  /** Records a session's state; null forgets the session (it is no longer supervised). */
  setSession(id: string, record: SessionRecord | null): void {
    const change = changeOf(this.sessions.get(id), record);
    if (change === 'none') return;
    if (record) this.sessions.set(id, { ...record });
    else this.sessions.delete(id);
    this.dirty = true;
    this.schedule(this.lastWrite + (change === 'news' ? this.intervalMs : this.routineMs));
  }

  flush(): Promise<void> {
    this.cancel();
    return this.write();
  }

  /** A write at `at` (epoch ms), unless one is due sooner already. */
  private schedule(at: number): void {
    if (this.timer && this.timerAt <= at) return;
    this.cancel();
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.timerAt = Infinity;
        void this.write();
      },
      Math.max(0, at - Date.now()),
    );
    this.timer.unref();
  }

  /** A session's record as the daemon holds it now (the status page reads it; the file may lag). */
  record(id: string): SessionRecord | undefined {
    const record = this.sessions.get(id);
    return record && { ...record };
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Infinity;
  }

  private write(): Promise<void> {
    this.chain = this.chain.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      this.lastWrite = Date.now();
      try {
        await replaceStateFile(this.opts.stateDir, this.snapshot());
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
      sessions[id] = pickRecord(record, lastError);
    }
    const now = this.clock.now().toISOString();
    return { version: 1, pid: process.pid, startedAt: this.startedAt, updatedAt: now, sessions };
  }
}
