import { describeSpan } from './doctor-check';

describe(describeSpan.name, () => {
  it.each([
    [0, '0s'],
    [40, '40s'],
    [14 * 60 + 5, '14m'],
    [2 * 3600 + 5 * 60, '2h05m'],
    [3 * 86400 + 4 * 3600, '3d04h'],
    [-90, '1m'],
  ])('%d s reads %s', (seconds, text) => {
    expect(describeSpan(seconds)).toBe(text);
  });
});
