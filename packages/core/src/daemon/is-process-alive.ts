/**
 * Whether a process with this pid exists. Signal 0 checks without sending anything; EPERM means it exists
 * but belongs to someone else, which still counts as alive.
 */
export function isProcessAlive(pid: number): boolean {
  // kill(0) and negative pids address process groups, not a process.
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
