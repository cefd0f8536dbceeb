import { formatRatio } from './format-ratio';

describe(formatRatio.name, () => {
  it('divides and keeps two decimals', () => {
    expect(formatRatio(150, 60)).toBe('2.50x');
  });

  it('has no ratio against a zero or missing baseline', () => {
    expect(formatRatio(5, 0)).toBe('-');
    expect(formatRatio(5, Number.NaN)).toBe('-');
  });
});
