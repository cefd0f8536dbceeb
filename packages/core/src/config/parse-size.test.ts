import { parseSize } from './parse-size';

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
