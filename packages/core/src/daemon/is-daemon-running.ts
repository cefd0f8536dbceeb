import { isProcessAlive } from './is-process-alive';
import type { StateFile } from './state-file';

/** Whether the daemon that wrote this state file still runs: its pid answers (EPERM counts as alive). */
export function isDaemonRunning(state: Pick<StateFile, 'pid'> | null): boolean {
  return state !== null && isProcessAlive(state.pid);
}
