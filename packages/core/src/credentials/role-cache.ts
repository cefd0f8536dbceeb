import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import type { SsoProfile } from './resolve-session';

/** Role credentials from GetRoleCredentials, in the AWS SDK's credential identity shape. Secret: never log them. */
export interface RoleCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

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
  /** When the portal issued them: their lifetime decides when to renew. Absent in older entries. */
  obtainedAt: z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'is not a timestamp' })
    .optional(),
});

export type RoleCacheEntry = z.infer<typeof roleCacheEntrySchema>;

export const ROLE_CACHE_DIR = 'role-credentials';

/**
 * Where a profile's role credentials are cached: keyed by session, account and role, so two profiles
 * naming the same role share one entry and a session's start URL changing starts a new one.
 */
export function roleCacheFile(stateDir: string, profile: SsoProfile): string {
  const key = JSON.stringify([
    profile.session.id,
    profile.session.startUrl,
    profile.accountId,
    profile.roleName,
  ]);
  return join(stateDir, ROLE_CACHE_DIR, `${createHash('sha256').update(key, 'utf8').digest('hex')}.json`);
}

/**
 * When credentials should be renewed: `renewBeforeMs` before they expire, or halfway through a lifetime
 * shorter than that (unknown lifetime: the margin alone). botocore runs credential_process again on every
 * read once less than 15 minutes remain (docs/aws-facts.md), so a margin above that means one run per lifetime.
 */
export function renewalTime(expiration: Date, obtainedAt: Date | undefined, renewBeforeMs: number): Date {
  const lifetime = obtainedAt ? expiration.getTime() - obtainedAt.getTime() : Infinity;
  const margin = lifetime <= renewBeforeMs ? lifetime / 2 : renewBeforeMs;
  return new Date(expiration.getTime() - margin);
}

/** Cached role credentials and when to stop handing them out. */
export interface CachedRoleCredentials {
  credentials: RoleCredentials;
  renewAt: Date;
}

/**
 * Cached role credentials not yet due for renewal (renewalTime), else null. A missing, corrupt or
 * unreadable entry is a cache miss: the portal is asked again and the entry rewritten.
 */
export async function readRoleCache(
  file: string,
  now: Date,
  renewBeforeMs: number,
): Promise<CachedRoleCredentials | null> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
  const parsed = roleCacheEntrySchema.safeParse(json);
  if (!parsed.success) return null;
  const { accessKeyId, secretAccessKey, sessionToken, expiration, obtainedAt } = parsed.data;
  const expires = new Date(expiration);
  const renewAt = renewalTime(expires, obtainedAt ? new Date(obtainedAt) : undefined, renewBeforeMs);
  if (now.getTime() >= renewAt.getTime()) return null;
  return { credentials: { accessKeyId, secretAccessKey, sessionToken, expiration: expires }, renewAt };
}

/**
 * Writes a cache entry atomically (temp file 0600, then rename), so a credential_process running
 * concurrently reads the old entry or the new one, never half of one.
 */
export async function writeRoleCache(
  file: string,
  profile: SsoProfile,
  credentials: RoleCredentials,
  obtainedAt: Date,
): Promise<void> {
  const entry: RoleCacheEntry = {
    version: 1,
    session: profile.session.id,
    accountId: profile.accountId,
    roleName: profile.roleName,
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken,
    expiration: credentials.expiration.toISOString(),
    obtainedAt: obtainedAt.toISOString(),
  };
  const dir = dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, JSON.stringify(entry), { mode: 0o600, flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}
