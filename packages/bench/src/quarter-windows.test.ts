import { quarterWindows } from './quarter-windows';

const samples = [0, 10, 30, 50, 70, 80, 100].map((cycles, i) => ({ t: 1000 + i * 1000, cycles }));

describe(quarterWindows.name, () => {
  it('ends the first quarter at the first sample past a quarter and starts the last past three', () => {
    expect(quarterWindows(samples, 100)).toEqual({ firstEnd: 3000, lastStart: 6000 });
  });

  it('is undefined when the run never got three quarters through', () => {
    expect(quarterWindows(samples, 200)).toBeUndefined();
  });
});
