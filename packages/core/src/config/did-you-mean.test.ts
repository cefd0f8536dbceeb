import { didYouMean } from './did-you-mean';

const KEYS = ['schedule', 'threshold', 'retry', 'timeout'];

describe(didYouMean.name, () => {
  it.each<[string, string | undefined]>([
    ['treshold', 'threshold'],
    ['Threshold', 'threshold'],
    ['timout', 'timeout'],
    ['schedul', 'schedule'],
    ['foo', undefined],
    ['concurrency', undefined],
    ['r', undefined],
  ])('%p -> %p', (typed, expected) => {
    expect(didYouMean(typed, KEYS)).toBe(expected);
  });

  it('suggests nothing from no candidates', () => {
    expect(didYouMean('x', [])).toBeUndefined();
  });
});
