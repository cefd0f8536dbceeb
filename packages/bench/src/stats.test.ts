import { median, formatRatio, quarterWindows } from './stats';

describe(median.name, () => {
  it('takes the middle of an odd count, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('does not reorder the input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('is NaN for no values', () => {
    expect(median([])).toBeNaN();
  });
});

describe(formatRatio.name, () => {
  it('divides and keeps two decimals', () => {
    expect(formatRatio(150, 60)).toBe('2.50x');
  });

  it('has no ratio against a zero or missing baseline', () => {
    expect(formatRatio(5, 0)).toBe('-');
    expect(formatRatio(5, Number.NaN)).toBe('-');
  });
});

describe('quarter-windows', () => {
  const samples = [0, 10, 30, 50, 70, 80, 100].map((cycles, i) => ({ t: 1000 + i * 1000, cycles }));

  describe(quarterWindows.name, () => {
    it('bounds the quarters at the first sample past each quarter of the target', () => {
      expect(quarterWindows(samples, 100)?.bounds).toEqual([3000, 4000, 6000]);
    });

    it('splits items by time, bounds going to the first quarter and the last', () => {
      const windows = quarterWindows(samples, 100)!;
      const ts = (lists: { t: number }[][]) => lists.map((list) => list.map((x) => x.t));
      expect(ts(windows.split(samples))).toEqual([[1000, 2000, 3000], [4000], [5000], [6000, 7000]]);
    });

    it('is undefined when the run never got three quarters through', () => {
      expect(quarterWindows(samples, 200)).toBeUndefined();
    });
  });
});
