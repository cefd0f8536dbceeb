import { z } from 'zod';

export const STATE_FILE_NAME = 'state.json';

const timestamp = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'is not a valid timestamp' });

/**
 * What the daemon knows about one session beyond its cache file. Keys are listed, never passed through:
 * parsing strips anything else, so a field that should not be here (a token) cannot reach the disk.
 */
export const sessionRecordSchema = z.object({
  name: z.string().nullable(),
  lastCheck: timestamp.optional(),
  lastRefresh: timestamp.optional(),
  nextCheck: timestamp.optional(),
  consecutiveFailures: z.number().int().nonnegative(),
  state: z.string().optional(),
  stateSince: timestamp.optional(),
  lastError: z.string().optional(),
  lapsed: z.boolean().optional(),
  loginAt: timestamp.optional(),
  sessionEndsAt: timestamp.optional(),
});

/** `state.json` in the state dir: read by `status` (with or without the daemon), written by `run`. */
export const stateFileSchema = z.object({
  version: z.literal(1),
  pid: z.number().int().positive(),
  startedAt: timestamp,
  updatedAt: timestamp,
  sessions: z.record(z.string(), sessionRecordSchema),
});

export type SessionRecord = z.infer<typeof sessionRecordSchema>;
export type StateFile = z.infer<typeof stateFileSchema>;
