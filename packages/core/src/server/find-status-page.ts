import { runningDaemonPid } from '../state/lock-file';
import { readServerFile } from './server-file';

export type StatusPageLookup =
  | { url: string; pid: number }
  /** no-daemon: none runs for this state folder; no-server: it runs without the loopback server. */
  | { problem: 'no-daemon' }
  | { problem: 'no-server'; pid: number };

/**
 * The running daemon's status page URL, from `server.json` in its state folder (the key in it is made
 * anew at every start, so an old file never opens a new daemon's page). File reads only.
 */
export async function findStatusPage(stateDir: string): Promise<StatusPageLookup> {
  const pid = await runningDaemonPid(stateDir);
  if (pid === null) return { problem: 'no-daemon' };
  const info = await readServerFile(stateDir);
  if (!info || info.pid !== pid || !info.statusKey) return { problem: 'no-server', pid };
  return { url: `http://127.0.0.1:${info.port}/status/${info.statusKey}`, pid };
}
