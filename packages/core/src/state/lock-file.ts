import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { uptime } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isProcessAlive } from '../interprocess/lock-holder';
import { removeStale } from '../interprocess/session-lock';

export type LockResult = { release(): Promise<void> } | { error: string; pid?: number };

const LOCK_FILE = 'daemon.lock';
const GUARD_FILE = 'daemon.lock.takeover';
const RETRY_MS = 20;
const ATTEMPTS = 250;
// An acquirer writes its pid right after creating the file; an empty file younger than this is mid-write.
const WRITING_MS = 5_000;

interface Holder {
  pid: number | null;
  raw: string;
  ino: number;
  mtimeMs: number;
}

/**
 * One daemon per state dir. The lock file is created with O_EXCL and holds the pid. A lock whose pid is dead,
 * or that was written before the machine booted (after a reboot its pid may belong to anything), is stale and
 * taken over; removing it happens under a second O_EXCL guard file, so two acquirers cannot both remove a
 * stale lock and each create their own.
 */
export async function acquireLock(stateDir: string): Promise<LockResult> {
  try {
    await mkdir(stateDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    return { error: `cannot create the state folder ${stateDir} (${code(error)})` };
  }
  const file = join(stateDir, LOCK_FILE);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const created = await create(file);
    if (created === true) return { release: () => release(file) };
    if (created !== 'exists') return { error: `cannot create ${file} (${created})` };
    const holder = await readHolder(file);
    if (!holder) continue;
    if (holder.pid === null && Date.now() - holder.mtimeMs < WRITING_MS) {
      await sleep(RETRY_MS);
      continue;
    }
    if (holder.pid !== null && isProcessAlive(holder.pid) && !predatesBoot(holder.mtimeMs)) {
      return { error: `another sso-supervisor daemon (pid ${holder.pid}) holds ${file}`, pid: holder.pid };
    }
    if (!(await removeStale(join(stateDir, GUARD_FILE), file, holder, readHolder))) await sleep(RETRY_MS);
  }
  return { error: `cannot take ${file}: it kept changing; try again` };
}

async function create(file: string): Promise<true | string> {
  let handle;
  try {
    handle = await open(file, 'wx', 0o600);
  } catch (error) {
    return code(error) === 'EEXIST' ? 'exists' : code(error);
  }
  try {
    await handle.writeFile(`${process.pid}\n`);
    await handle.close();
    return true;
  } catch (error) {
    await handle.close().catch(() => {});
    await unlink(file).catch(() => {});
    return code(error);
  }
}

async function readHolder(file: string): Promise<Holder | null> {
  try {
    const [raw, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    const pid = /^\d+\s*$/.test(raw) ? Number(raw) : null;
    return { pid, raw, ino: info.ino, mtimeMs: info.mtimeMs };
  } catch {
    return null;
  }
}

async function release(file: string): Promise<void> {
  const holder = await readHolder(file);
  if (holder?.pid === process.pid) await unlink(file).catch(() => {});
}

function predatesBoot(mtimeMs: number): boolean {
  // A minute of slack for clock adjustments around boot.
  return mtimeMs < Date.now() - uptime() * 1000 - 60_000;
}

function code(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

export { isProcessAlive };

/**
 * The pid of the daemon that holds this state dir's lock, or null. The lock, not the state file, says
 * whether one runs: a daemon removes its lock when it stops, while its last state file stays for `status`.
 */
export async function runningDaemonPid(stateDir: string): Promise<number | null> {
  const raw = await readFile(join(stateDir, 'daemon.lock'), 'utf8').catch(() => '');
  if (!/^\d+\s*$/.test(raw)) return null;
  const pid = Number(raw);
  return isProcessAlive(pid) ? pid : null;
}
