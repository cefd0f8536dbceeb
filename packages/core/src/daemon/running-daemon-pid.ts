import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isProcessAlive } from './is-process-alive';

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
