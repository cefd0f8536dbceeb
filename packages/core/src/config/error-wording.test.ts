import { z } from 'zod';
import { plainErrorMap, requiredMessage, didYouMean, didYouMeanSuffix, quoteName } from './error-wording';

function messages(schema: z.ZodTypeAny, value: unknown): string[] {
  const result = schema.safeParse(value, { errorMap: plainErrorMap });
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe(plainErrorMap.name, () => {
  it.each<[string, z.ZodTypeAny, unknown, string]>([
    ['a wrong type', z.string(), 42, 'Invalid input: expected string, received number'],
    ['an array for an object', z.object({}), [], 'Invalid input: expected object, received array'],
    ['null', z.boolean(), null, 'Invalid input: expected boolean, received null'],
    ['a missing value', z.string(), undefined, 'Invalid input: expected string, received undefined'],
    ['NaN', z.number(), Number.NaN, 'Invalid input: expected number, received NaN'],
    ['a fraction', z.number().int(), 1.5, 'Invalid input: expected int, received number'],
    ['a class instance', z.string(), new Date(0), 'Invalid input: expected string, received Date'],
    ['a literal', z.literal(1), 2, 'Invalid input: expected 1'],
    [
      'an enum',
      z.enum(['notify', 'device-code']),
      'email',
      'Invalid option: expected one of "notify"|"device-code"',
    ],
    ['a short string', z.string().min(2), 'x', 'Too small: expected string to have >=2 characters'],
    ['an empty array', z.array(z.string()).nonempty(), [], 'Too small: expected array to have >=1 items'],
    ['a small number', z.number().gt(0), 0, 'Too small: expected number to be >0'],
    ['a big number', z.number().max(65535), 65536, 'Too big: expected number to be <=65535'],
    [
      'an exact length',
      z.string().length(3),
      'ab',
      'Too small: expected string to have exactly 3 characters',
    ],
    ['a URL', z.string().url(), 'not a url', 'Invalid URL'],
    ['an email address', z.string().email(), 'nobody', 'Invalid email address'],
    ['a multiple', z.number().multipleOf(5), 7, 'Invalid number: must be a multiple of 5'],
    ['an unknown key', z.object({}).strict(), { a: 1 }, 'Unrecognized key: "a"'],
    ['a refinement', z.string().refine(() => false), 'x', 'Invalid input'],
  ])('words %s as it always was', (_what, schema, value, message) => {
    expect(messages(schema, value)).toEqual([message]);
  });

  it('says only "Invalid input" for a pattern without a message: zod 3 does not tell which', () => {
    expect(messages(z.string().regex(/^a/), 'b')).toEqual(['Invalid input']);
  });

  it('names every unknown key', () => {
    expect(messages(z.object({}).strict(), { a: 1, b: 2 })).toEqual(['Unrecognized keys: "a", "b"']);
  });

  it('keeps a message the schema sets itself, for any kind of problem', () => {
    const url = z
      .string({ message: 'must be a URL' })
      .refine((v) => v.startsWith('https://'), 'must be a URL');
    expect(messages(url, undefined)).toEqual(['must be a URL']);
    expect(messages(url, 42)).toEqual(['must be a URL']);
    expect(messages(z.string().min(1, 'must not be empty'), '')).toEqual(['must not be empty']);
    const version = z.literal(1, { errorMap: () => ({ message: 'unsupported version' }) });
    expect(messages(version, 2)).toEqual(['unsupported version']);
  });

  it('never repeats the value it rejects', () => {
    const secret = 'hunter2-secret-value';
    const schemas = [z.enum(['a', 'b']), z.literal('a'), z.number(), z.string().url(), z.string().min(30)];
    for (const schema of schemas) expect(messages(schema, secret).join('\n')).not.toContain(secret);
  });
});

function requiredMessages(schema: z.ZodTypeAny, value: unknown): string[] {
  const result = schema.safeParse(value, { errorMap: requiredMessage });
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe(requiredMessage.name, () => {
  const schema = z.object({ host: z.string(), url: z.string({ message: 'must be a URL' }) }).strict();

  it('calls a missing value a missing required field, unless the schema words it itself', () => {
    expect(requiredMessages(schema, {})).toEqual(['host: missing required field', 'url: must be a URL']);
  });

  it('words everything else as plainErrorMap does', () => {
    expect(requiredMessages(schema, { host: 1, url: 'u', port: 2 })).toEqual([
      'host: Invalid input: expected string, received number',
      ': Unrecognized key: "port"',
    ]);
  });
});

const KEYS = ['schedule', 'threshold', 'retry', 'timeout'];

describe(didYouMean.name, () => {
  it.each<[string, string | undefined]>([
    ['treshold', 'threshold'],
    ['Threshold', 'threshold'],
    ['timout', 'timeout'],
    ['schedul', 'schedule'],
    ['foo', undefined],
    ['concurrency', undefined],
    ['r', undefined],
  ])('%p -> %p', (typed, expected) => {
    expect(didYouMean(typed, KEYS)).toBe(expected);
  });

  it('suggests nothing from no candidates', () => {
    expect(didYouMean('x', [])).toBeUndefined();
  });
});

describe(quoteName.name, () => {
  it('quotes a name whole up to 64 characters, and cuts a longer one saying how long it was', () => {
    expect(quoteName('corp')).toBe('"corp"');
    expect(quoteName('a'.repeat(64))).toBe(`"${'a'.repeat(64)}"`);
    const cut = quoteName('é'.repeat(5000));
    expect(cut).toBe(`"${'é'.repeat(64)}..." (5000 characters)`);
  });
});

describe(didYouMeanSuffix.name, () => {
  it('suggests a close candidate, and nothing for a far or overlong word', () => {
    expect(didYouMeanSuffix('corq', ['corp', 'prod'])).toBe(' (did you mean "corp"?)');
    expect(didYouMeanSuffix('zzzz', ['corp'])).toBe('');
    expect(didYouMeanSuffix('c'.repeat(5000), ['corp'])).toBe('');
  });
});

describe('requiredMessage for a union', () => {
  it('calls a missing union value (email `to`: one address or a list) a missing required field', () => {
    const schema = z.object({ to: z.union([z.string(), z.array(z.string())]) });
    const result = schema.safeParse({}, { errorMap: requiredMessage });
    expect(result.error?.issues.map((i) => i.message)).toEqual(['missing required field']);
    const wrong = schema.safeParse({ to: 1 }, { errorMap: requiredMessage });
    expect(wrong.error?.issues.map((i) => i.message)).toEqual(['Invalid input']);
  });
});
