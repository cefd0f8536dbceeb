import { spawnSync } from 'node:child_process';
import { isDaemonRunning } from './is-daemon-running';

describe(isDaemonRunning.name, () => {
  it('is true while the pid in the state file answers, false once it has gone or without a state', () => {
    expect(isDaemonRunning({ pid: process.pid })).toBe(true);
    expect(isDaemonRunning({ pid: spawnSync(process.execPath, ['-e', '']).pid })).toBe(false);
    expect(isDaemonRunning(null)).toBe(false);
  });
});
