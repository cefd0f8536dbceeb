import { parseBenchOptions } from './bench-options';

const KNOWN = ['status', 'soak'];

describe(parseBenchOptions.name, () => {
  it('defaults to the full run of every benchmark', () => {
    expect(parseBenchOptions([], KNOWN)).toEqual({ options: { quick: false, only: [] } });
  });

  it('reads every flag', () => {
    expect(
      parseBenchOptions(['--quick', '--cycles', '10000', '--out', 'x.md', '--only', 'soak,status'], KNOWN),
    ).toEqual({ options: { quick: true, cycles: 10000, out: 'x.md', only: ['soak', 'status'] } });
  });

  it('skips the `--` pnpm passes through', () => {
    expect(parseBenchOptions(['--', '--cycles', '8'], KNOWN)).toEqual({
      options: { quick: false, cycles: 8, only: [] },
    });
  });

  it.each([
    [['--cycles', 'many']],
    [['--cycles', '2']],
    [['--out']],
    [['--only', 'nope']],
    [['--only']],
    [['--fast']],
  ])('rejects %j', (args) => {
    expect(parseBenchOptions(args, KNOWN)).toHaveProperty('error');
  });
});
