import { FaultQueue } from './fault-queue';

describe(FaultQueue.name, () => {
  it('serves a fault the requested number of times, then nothing', () => {
    const queue = new FaultQueue();
    queue.add('createToken', { kind: 'reset' }, 2);
    expect(queue.take('registerClient')).toBeUndefined();
    expect(queue.take('createToken')).toEqual({ kind: 'reset' });
    expect(queue.take('createToken')).toEqual({ kind: 'reset' });
    expect(queue.take('createToken')).toBeUndefined();
  });

  it('matches every operation with * and keeps injection order', () => {
    const queue = new FaultQueue();
    queue.add('*', { kind: 'empty' }, 1);
    queue.add('getRoleCredentials', { kind: 'malformed' }, 1);
    expect(queue.take('getRoleCredentials')).toEqual({ kind: 'empty' });
    expect(queue.take('getRoleCredentials')).toEqual({ kind: 'malformed' });
  });

  it('rejects a non-positive count and forgets everything on clear', () => {
    const queue = new FaultQueue();
    expect(() => queue.add('*', { kind: 'reset' }, 0)).toThrow(/positive integer/);
    queue.add('*', { kind: 'reset' }, 3);
    queue.clear();
    expect(queue.take('createToken')).toBeUndefined();
  });
});
