import { z } from 'zod';

const timestamp = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'is not a valid timestamp' });

/**
 * A token cache file as botocore and the JS SDK write it. Unknown keys are kept so a rewrite
 * never drops what another tool stored.
 */
export const cachedTokenSchema = z.looseObject({
  startUrl: z.string().optional(),
  region: z.string().optional(),
  accessToken: z.string().min(1, 'is empty'),
  expiresAt: timestamp,
  clientId: z.string().optional(),
  clientSecret: z.string().optional(),
  registrationExpiresAt: timestamp.optional(),
  refreshToken: z.string().optional(),
});

export type CachedToken = z.infer<typeof cachedTokenSchema>;
