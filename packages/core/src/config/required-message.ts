import type { z } from 'zod';

/** zod error map: "missing required field" instead of "expected string, received undefined". */
export const requiredMessage: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'missing required field' : undefined;
