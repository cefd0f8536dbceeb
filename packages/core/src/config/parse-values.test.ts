import { parseDuration, parseSize, expandPath } from './parse-values';

describe(parseDuration.name, () => {
  it.each<[unknown, number]>([
    ['10m', 600_000],
    ['90s', 90_000],
    ['20m', 1_200_000],
    ['1h', 3_600_000],
    ['1d', 86_400_000],
    ['500ms', 500],
    ['1h30m', 5_400_000],
    ['1.5s', 1_500],
    [' 2m ', 120_000],
    ['45', 45_000],
    [90, 90_000],
    [0.25, 250],
    [0, 0],
  ])('reads %p as %p ms', (input, ms) => {
    expect(parseDuration(input)).toEqual({ ms });
  });

  it.each<[unknown]>([
    ['10x'],
    [''],
    ['m'],
    ['-5s'],
    ['1 h'],
    ['10M'],
    ['1h 30m'],
    [-1],
    [Infinity],
    [NaN],
    [true],
    [null],
    [{}],
  ])('rejects %p', (input) => {
    expect(parseDuration(input)).toEqual({ error: expect.stringContaining('expected a duration') });
  });

  it('does not repeat the value, which may have come from a secret variable', () => {
    const result = parseDuration('hunter2-secret');
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });
});

describe(parseSize.name, () => {
  it.each<[unknown, number]>([
    ['10m', 10 * 1024 * 1024],
    ['512k', 512 * 1024],
    ['1g', 1024 ** 3],
    ['10MB', 10 * 1024 * 1024],
    ['2MiB', 2 * 1024 * 1024],
    ['1.5k', 1536],
    ['100b', 100],
    ['100', 100],
    [4096, 4096],
  ])('reads %p as %p bytes', (input, bytes) => {
    expect(parseSize(input)).toEqual({ bytes });
  });

  it.each<[unknown]>([['10x'], [''], ['k'], ['1t'], ['-1m'], [-1], [NaN], [true], [null]])(
    'rejects %p',
    (input) => {
      expect(parseSize(input)).toEqual({ error: expect.stringContaining('expected a size') });
    },
  );
});

describe(expandPath.name, () => {
  it.each<[string, string | undefined, string]>([
    ['~', undefined, '/home/u'],
    ['~/.aws/config', undefined, '/home/u/.aws/config'],
    ['~/.aws/config', '/etc/sso', '/home/u/.aws/config'],
    ['cache', '/etc/sso', '/etc/sso/cache'],
    ['../cache', '/etc/sso', '/etc/cache'],
    ['/abs/cache', '/etc/sso', '/abs/cache'],
    ['cache', undefined, 'cache'],
    ['~other/x', undefined, '~other/x'],
  ])('%p from %p -> %p', (value, baseDir, expected) => {
    expect(expandPath(value, '/home/u', baseDir)).toBe(expected);
  });
});
