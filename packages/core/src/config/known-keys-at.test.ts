import { z } from 'zod';
import { knownKeysAt } from './known-keys-at';

const schema = z.strictObject({
  a: z.string(),
  list: z
    .array(z.strictObject({ name: z.string(), inner: z.object({ x: z.number() }).optional() }))
    .optional(),
  piped: z
    .strictObject({ y: z.string() })
    .transform((v) => v.y)
    .default('d'),
});

describe(knownKeysAt.name, () => {
  it.each<[(string | number)[], string[]]>([
    [[], ['a', 'list', 'piped']],
    [
      ['list', 0],
      ['name', 'inner'],
    ],
    [['list', 3, 'inner'], ['x']],
    [['piped'], ['y']],
    [['a'], []],
    [['missing', 'deeper'], []],
  ])('%j -> %j', (path, keys) => {
    expect(knownKeysAt(schema, path)).toEqual(keys);
  });
});
