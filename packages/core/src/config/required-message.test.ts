import { z } from 'zod';
import { requiredMessage } from './required-message';

function messages(schema: z.ZodTypeAny, value: unknown): string[] {
  const result = schema.safeParse(value, { errorMap: requiredMessage });
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe(requiredMessage.name, () => {
  const schema = z.object({ host: z.string(), url: z.string({ message: 'must be a URL' }) }).strict();

  it('calls a missing value a missing required field, unless the schema words it itself', () => {
    expect(messages(schema, {})).toEqual(['host: missing required field', 'url: must be a URL']);
  });

  it('words everything else as plainErrorMap does', () => {
    expect(messages(schema, { host: 1, url: 'u', port: 2 })).toEqual([
      'host: Invalid input: expected string, received number',
      ': Unrecognized key: "port"',
    ]);
  });
});
