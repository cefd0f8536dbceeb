import { z } from 'zod';
import { knownKeysAt } from './zod-to-raw-issues';

const schema = z
  .object({
    a: z.string(),
    list: z
      .array(z.object({ name: z.string(), inner: z.object({ x: z.number() }).optional() }).strict())
      .optional(),
    piped: z
      .object({ y: z.string() })
      .strict()
      .transform((v) => v.y)
      .default({ y: 'd' }),
    refined: z
      .object({ z: z.string() })
      .refine((v) => v.z !== '')
      .pipe(z.object({ z: z.string() }))
      .nullable(),
  })
  .strict();

describe(knownKeysAt.name, () => {
  it.each<[(string | number)[], string[]]>([
    [[], ['a', 'list', 'piped', 'refined']],
    [
      ['list', 0],
      ['name', 'inner'],
    ],
    [['list', 3, 'inner'], ['x']],
    [['piped'], ['y']],
    [['refined'], ['z']],
    [['a'], []],
    [['missing', 'deeper'], []],
    [['constructor'], []],
  ])('%j -> %j', (path, keys) => {
    expect(knownKeysAt(schema, path)).toEqual(keys);
  });
});
