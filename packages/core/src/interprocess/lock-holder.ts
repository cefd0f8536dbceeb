import { constants, readFileSync } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import { hostname, uptime } from 'node:os';
import { randomBytes } from 'node:crypto';

/** What a lock file says about the process holding it. No secret ever goes in here. */
export interface LockRecord {
  pid: number;
  hostname: string;
  /** ISO time the lock was taken. */
  since: string;
  /** Linux: the holder's start time in clock ticks since boot (/proc/PID/stat field 22), to spot a reused pid. */
  procStart: string | null;
  /** Tells this holder's lock apart from a later one in the same file. */
  nonce: string;
}

export interface SeenLock {
  record: LockRecord | null;
  raw: string;
  ino: number;
  mtimeMs: number;
}

export type StaleReason = 'pid-gone' | 'pid-reused' | 'before-boot' | 'max-age' | 'unreadable';

// An acquirer writes its record right after creating the file; an unreadable file younger than this is mid-write.
const WRITING_GRACE_MS = 5_000;

export function newRecord(): LockRecord {
  return {
    pid: process.pid,
    hostname: hostname(),
    since: new Date().toISOString(),
    procStart: processStartTicks(process.pid),
    nonce: randomBytes(12).toString('hex'),
  };
}

/** Reads a lock file without following a symlink; null when it is gone. */
export async function readLock(file: string): Promise<SeenLock | null> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    // A symlink (ELOOP) or something unreadable: judged by its age alone, then removed (unlink never follows).
    const info = await lstat(file).catch(() => null);
    return info && { record: null, raw: '', ino: info.ino, mtimeMs: info.mtimeMs };
  }
  try {
    const [raw, info] = await Promise.all([handle.readFile('utf8'), handle.stat()]);
    return { record: parseRecord(raw), raw, ino: info.ino, mtimeMs: info.mtimeMs };
  } catch {
    return null;
  } finally {
    await handle.close().catch(() => {});
  }
}

/** Why a lock may be taken over, or null while its holder may still be working. */
export function staleReason(seen: SeenLock, maxAgeMs: number, now = Date.now()): StaleReason | null {
  const age = now - seen.mtimeMs;
  if (!seen.record) return age > WRITING_GRACE_MS ? 'unreadable' : null;
  if (age > maxAgeMs) return 'max-age';
  // Pids mean nothing on another host (a state dir on a shared home): there only the age counts.
  if (seen.record.hostname !== hostname()) return null;
  if (!isProcessAlive(seen.record.pid)) return 'pid-gone';
  const start = processStartTicks(seen.record.pid);
  if (seen.record.procStart && start && start !== seen.record.procStart) return 'pid-reused';
  // After a reboot the pid may belong to anything; a minute of slack for clock adjustments around boot.
  if (seen.mtimeMs < now - uptime() * 1000 - 60_000) return 'before-boot';
  return null;
}

function parseRecord(raw: string): LockRecord | null {
  try {
    const value = JSON.parse(raw) as Partial<LockRecord>;
    if (
      !Number.isInteger(value.pid) ||
      typeof value.hostname !== 'string' ||
      typeof value.nonce !== 'string'
    ) {
      return null;
    }
    return {
      pid: value.pid as number,
      hostname: value.hostname,
      since: typeof value.since === 'string' ? value.since : '',
      procStart: typeof value.procStart === 'string' ? value.procStart : null,
      nonce: value.nonce,
    };
  } catch {
    return null;
  }
}

/** Signal 0 checks without sending anything; EPERM means the process exists but is someone else's. */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function processStartTicks(pid: number): string | null {
  if (process.platform !== 'linux') return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses; fields after the last ')' are plain.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}
