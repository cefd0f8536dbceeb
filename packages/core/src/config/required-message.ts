import type { z } from 'zod';
import { plainErrorMap } from './plain-error-map';

/**
 * zod error map: "missing required field" instead of "expected string, received undefined",
 * unless the schema has its own message for it; otherwise as plainErrorMap words it.
 */
export const requiredMessage: z.ZodErrorMap = (issue, ctx) => {
  const worded = plainErrorMap(issue, ctx);
  // plainErrorMap rewords every invalid_type issue but one whose message the schema set.
  const schemaSpoke = worded.message === ctx.defaultError;
  return issue.code === 'invalid_type' && issue.received === 'undefined' && !schemaSpoke
    ? { message: 'missing required field' }
    : worded;
};
