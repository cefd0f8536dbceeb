import { z } from 'zod';

/**
 * One cached set of role credentials (0600 in the state dir). It holds the role's secrets by design,
 * and never an SSO access or refresh token.
 */
export const roleCacheEntrySchema = z.object({
  version: z.literal(1),
  session: z.string(),
  accountId: z.string(),
  roleName: z.string(),
  accessKeyId: z.string().min(1),
  secretAccessKey: z.string().min(1),
  sessionToken: z.string().min(1),
  expiration: z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'is not a timestamp' }),
});

export type RoleCacheEntry = z.infer<typeof roleCacheEntrySchema>;
