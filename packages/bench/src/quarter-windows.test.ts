import { quarterWindows } from './quarter-windows';

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
