import { readFile } from 'node:fs/promises';
import { roleCacheEntrySchema } from './role-cache-entry';
import type { RoleCredentials } from './role-credentials';

/**
 * Cached role credentials with more than `minRemainingMs` left, else null. A missing, corrupt or
 * unreadable entry is a cache miss: the portal is asked again and the entry rewritten.
 */
export async function readRoleCache(
  file: string,
  now: Date,
  minRemainingMs: number,
): Promise<RoleCredentials | null> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
  const parsed = roleCacheEntrySchema.safeParse(json);
  if (!parsed.success) return null;
  const { accessKeyId, secretAccessKey, sessionToken, expiration } = parsed.data;
  const expires = new Date(expiration);
  if (expires.getTime() - now.getTime() <= minRemainingMs) return null;
  return { accessKeyId, secretAccessKey, sessionToken, expiration: expires };
}
