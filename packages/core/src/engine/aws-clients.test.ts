import { backoffDelay, type RetrySettings } from './aws-clients';

const settings: RetrySettings = { attempts: 4, baseDelay: 2000, maxDelay: 60000, timeout: 15000 };
const lowest = () => 0;
const highest = () => 0.999999;

describe(backoffDelay.name, () => {
  it('doubles from baseDelay, half fixed and half jitter', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, settings, lowest))).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, settings, highest))).toEqual([2000, 4000, 8000, 16000]);
    expect(backoffDelay(2, settings, () => 0.5)).toBe(3000);
  });

  it('never exceeds maxDelay however many attempts', () => {
    expect(backoffDelay(6, settings, highest)).toBe(60000);
    expect(backoffDelay(60, settings, lowest)).toBe(30000);
    expect(backoffDelay(2000, settings, highest)).toBe(60000);
  });

  it('treats attempt 0 like the first', () => {
    expect(backoffDelay(0, settings, lowest)).toBe(1000);
  });

  it('stays within [ceiling/2, ceiling] with the real random source', () => {
    for (let i = 0; i < 200; i++) {
      const delay = backoffDelay(3, settings);
      expect(delay).toBeGreaterThanOrEqual(4000);
      expect(delay).toBeLessThanOrEqual(8000);
    }
  });
});
