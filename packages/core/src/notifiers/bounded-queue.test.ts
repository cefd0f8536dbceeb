import { BoundedQueue } from './bounded-queue';

describe(BoundedQueue.name, () => {
  it('is first in, first out across wrap-around', () => {
    const queue = new BoundedQueue<number>(4);
    const out: (number | undefined)[] = [];
    for (let i = 1; i <= 7; i += 1) {
      queue.push(i);
      if (i % 2 === 0) out.push(queue.shift());
    }
    out.push(queue.shift(), queue.shift(), queue.shift(), queue.shift());
    expect(out).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('evicts and returns the oldest item when full', () => {
    const queue = new BoundedQueue<string>(2);
    expect(queue.push('a')).toBeUndefined();
    expect(queue.push('b')).toBeUndefined();
    expect(queue.push('c')).toBe('a');
    expect(queue.size).toBe(2);
    expect([queue.shift(), queue.shift(), queue.shift()]).toEqual(['b', 'c', undefined]);
  });

  it('refuses a capacity below one', () => {
    expect(() => new BoundedQueue(0)).toThrow(RangeError);
  });
});
