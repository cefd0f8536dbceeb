import { hostname } from 'node:os';
import { isProcessAlive, newRecord, staleReason, type SeenLock } from './lock-holder';

const NOW = Date.now();
const DEAD_PID = 2_147_483_646;

function seen(record: Partial<SeenLock['record']> | null, ageMs = 0): SeenLock {
  return {
    record: record && { ...newRecord(), ...record },
    raw: '',
    ino: 1,
    mtimeMs: NOW - ageMs,
  };
}

describe('staleReason', () => {
  it.each<[string, SeenLock, string | null]>([
    ['a live holder of ours', seen({}), null],
    ['a dead pid', seen({ pid: DEAD_PID }), 'pid-gone'],
    [
      'a live pid that started at another time (reused)',
      seen({ procStart: '1' }),
      process.platform === 'linux' ? 'pid-reused' : null,
    ],
    ['an old lock of a live holder', seen({}, 10_000), 'max-age'],
    ["another host's dead-looking pid", seen({ pid: DEAD_PID, hostname: `not-${hostname()}` }), null],
    ["another host's old lock", seen({ hostname: `not-${hostname()}` }, 10_000), 'max-age'],
    ['an unreadable lock being written', seen(null, 1_000), null],
    ['an unreadable lock left long ago', seen(null, 6_000), 'unreadable'],
    ['a lock from before boot', seen({}, 1e12), 'max-age'],
  ])('%s', (_name, lock, reason) => {
    expect(staleReason(lock, 5_000, NOW)).toBe(reason);
  });

  it('calls a lock written before boot stale even with a long maxAge', () => {
    expect(staleReason(seen({}, 1e12), Infinity, NOW)).toBe('before-boot');
  });
});

describe('newRecord', () => {
  it('names this process and carries a fresh nonce', () => {
    const a = newRecord();
    expect(a).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(a.nonce).not.toBe(newRecord().nonce);
    if (process.platform === 'linux') expect(a.procStart).toMatch(/^\d+$/);
  });
});

describe('isProcessAlive', () => {
  it('knows this process, and not impossible pids', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    for (const pid of [DEAD_PID, 0, -1, 1.5, NaN]) expect(isProcessAlive(pid)).toBe(false);
  });
});
