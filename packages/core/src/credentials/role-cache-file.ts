import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { SsoProfile } from './resolve-session';

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
