import { spawnSync } from 'node:child_process';
import { isProcessAlive } from './is-process-alive';

describe(isProcessAlive.name, () => {
  it('is true for this process and for pid 1 (EPERM when not root)', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(1)).toBe(true);
  });

  it('is false for a process that has exited', () => {
    expect(isProcessAlive(spawnSync(process.execPath, ['-e', '']).pid)).toBe(false);
  });

  it('is false for pids that would address a process group', () => {
    expect(isProcessAlive(0)).toBe(false);
    expect(isProcessAlive(-1)).toBe(false);
    expect(isProcessAlive(1.5)).toBe(false);
  });
});
