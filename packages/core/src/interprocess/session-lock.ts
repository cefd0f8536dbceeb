import { createHash } from 'node:crypto';
import { open, unlink, lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  newRecord,
  readLock,
  staleReason,
  type LockRecord,
  type SeenLock,
  type StaleReason,
} from './lock-holder';
import { ensurePrivateDir, errorCode } from './private-dir';

// Why not proper-lockfile (4.1.2, last release 2021-02): its staleness is mtime only, kept fresh by a
// timer in the holder, so a SIGKILLed holder blocks every waiter until `stale` ms pass and a holder whose
// event loop stalls (a slow CreateToken on a loaded box) loses its lock while still working; it resolves
// symlinks by default, checks no owner, and reports a compromised lock by throwing from a timer. What we
// need (pid-based takeover, a bounded wait, refusing foreign or linked folders, a "why unlocked" result)
// is a page of code. The design follows daemon/acquire-lock.ts (O_EXCL file + takeover guard).

export interface LockHolder {
  pid: number;
  hostname: string;
  since: string;
}

export interface SessionLockOptions {
  /** How long to wait for another holder; size it to the refresh request timeout plus a margin. */
  waitMs?: number;
  /** A lock older than this is taken over even if its pid is alive (hung holder, reused pid, other host). */
  maxAgeMs?: number;
  /** Called once, when the lock is found held by a live process and this call starts waiting. */
  onWait?: (holder: LockHolder) => void;
  /** Stops waiting (e.g. on Ctrl-C); the result is then unlocked with reason 'aborted'. */
  signal?: AbortSignal;
}

export interface HeldLock {
  locked: true;
  file: string;
  /** Whether another process held it first: the caller should re-read what that process may have written. */
  waited: boolean;
  tookOver?: { holder: LockHolder | null; reason: StaleReason };
}

export interface Unlocked {
  locked: false;
  /** unsafe-folder: symlink / another user's / not a folder. unwritable: cannot create the folder or file. */
  reason: 'unsafe-folder' | 'unwritable' | 'timeout' | 'aborted';
  message: string;
  holder?: LockHolder;
}

export type SessionLock = (HeldLock & { release(): Promise<void> }) | Unlocked;
export type SessionLockState = HeldLock | Unlocked;

export const DEFAULT_LOCK_WAIT_MS = 45_000;
export const DEFAULT_LOCK_MAX_AGE_MS = 120_000;
const POLL_MIN_MS = 5;
const POLL_MAX_MS = 50;
const GUARD_STALE_MS = 10_000;

/**
 * Takes the lock for `key` (a session) in `lockDir`, waiting up to `waitMs` for a live holder. Never
 * throws for a lock that cannot be had: the result says why, and the caller decides whether going on
 * without it is safe.
 */
export async function acquireSessionLock(
  lockDir: string,
  key: string,
  options: SessionLockOptions = {},
): Promise<SessionLock> {
  const { waitMs = DEFAULT_LOCK_WAIT_MS, maxAgeMs = DEFAULT_LOCK_MAX_AGE_MS, onWait, signal } = options;
  const problem = await ensurePrivateDir(lockDir);
  if (problem) {
    const reason =
      problem.reason === 'unwritable' || problem.reason === 'missing' ? 'unwritable' : 'unsafe-folder';
    return { locked: false, reason, message: `lock folder unusable: ${problem.message}` };
  }
  const file = join(lockDir, lockFileName(key));
  const deadline = Date.now() + waitMs;
  let delay = POLL_MIN_MS;
  let waited = false;
  let tookOver: HeldLock['tookOver'];
  let holder: LockHolder | undefined;
  for (;;) {
    const record = newRecord();
    const created = await create(file, record);
    if (created === true) {
      const held: HeldLock = { locked: true, file, waited, ...(tookOver && { tookOver }) };
      return { ...held, release: () => release(file, record.nonce) };
    }
    if (created !== 'EEXIST') {
      return { locked: false, reason: 'unwritable', message: `cannot create lock file ${file} (${created})` };
    }
    const seen = await readLock(file);
    if (seen) {
      holder = seen.record ? describe(seen.record) : undefined;
      const stale = staleReason(seen, maxAgeMs);
      if (stale) {
        if (await removeStale(`${file}.takeover`, file, seen))
          tookOver = { holder: holder ?? null, reason: stale };
        continue;
      }
      if (!waited && holder) onWait?.(holder);
      waited = true;
    }
    const left = deadline - Date.now();
    if (signal?.aborted)
      return { locked: false, reason: 'aborted', message: `gave up waiting for ${file}`, holder };
    if (left <= 0) {
      const by = holder ? ` (held by pid ${holder.pid} on ${holder.hostname} since ${holder.since})` : '';
      return { locked: false, reason: 'timeout', message: `timed out waiting for ${file}${by}`, holder };
    }
    // Jitter keeps a crowd of waiters from retrying in lockstep.
    await sleep(Math.min(left, delay * (0.5 + Math.random())), undefined, { signal }).catch(() => {});
    delay = Math.min(delay * 2, POLL_MAX_MS);
  }
}

/** Runs `fn` under the lock when it can be had; `fn` is told which, and the lock is released after it. */
export async function withSessionLock<T>(
  lockDir: string,
  key: string,
  fn: (lock: SessionLockState) => Promise<T>,
  options?: SessionLockOptions,
): Promise<T> {
  const lock = await acquireSessionLock(lockDir, key, options);
  if (!lock.locked) return fn(lock);
  const { release, ...state } = lock;
  try {
    return await fn(state);
  } finally {
    await release();
  }
}

/** A readable name for plain session keys; any other key is hashed, so it can never escape the folder. */
export function lockFileName(key: string): string {
  if (/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/.test(key)) return `${key}.lock`;
  return `h-${createHash('sha256').update(key).digest('hex').slice(0, 40)}.lock`;
}

async function create(file: string, record: LockRecord): Promise<true | string> {
  let handle;
  try {
    // O_CREAT|O_EXCL: atomic, and fails on an existing symlink instead of following it.
    handle = await open(file, 'wx', 0o600);
  } catch (error) {
    return errorCode(error);
  }
  try {
    await handle.writeFile(JSON.stringify(record));
    await handle.close();
    return true;
  } catch (error) {
    await handle.close().catch(() => {});
    await unlink(file).catch(() => {});
    return errorCode(error);
  }
}

/**
 * Removes a stale lock under a second O_EXCL guard, and only if the file is still the one judged stale:
 * two waiters that both saw it stale cannot each remove it and create their own, nor remove the winner's.
 */
export async function removeStale<T extends Pick<SeenLock, 'raw' | 'ino' | 'mtimeMs'>>(
  guard: string,
  file: string,
  seen: T,
  reread: (file: string) => Promise<T | null> = readLock as unknown as (file: string) => Promise<T | null>,
): Promise<boolean> {
  let handle;
  try {
    handle = await open(guard, 'wx', 0o600);
  } catch {
    // Another waiter is taking over. A guard left by one that died mid-takeover is cleared after a while.
    const info = await lstat(guard).catch(() => null);
    if (info && Date.now() - info.mtimeMs > GUARD_STALE_MS) await unlink(guard).catch(() => {});
    await sleep(POLL_MIN_MS);
    return false;
  }
  try {
    await handle.close();
    const now = await reread(file);
    if (!now || now.raw !== seen.raw || now.ino !== seen.ino || now.mtimeMs !== seen.mtimeMs) return false;
    await unlink(file);
    return true;
  } catch {
    return false;
  } finally {
    await unlink(guard).catch(() => {});
  }
}

async function release(file: string, nonce: string): Promise<void> {
  // Only our own lock: if we outlived maxAge, another process may hold this file now.
  const seen = await readLock(file);
  if (seen?.record?.nonce === nonce) await unlink(file).catch(() => {});
}

function describe(record: LockRecord): LockHolder {
  return { pid: record.pid, hostname: record.hostname, since: record.since };
}
