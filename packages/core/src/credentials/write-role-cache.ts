import { randomBytes } from 'node:crypto';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { RoleCacheEntry } from './role-cache-entry';
import type { RoleCredentials } from './role-credentials';
import type { SsoProfile } from './resolve-session';

/**
 * Writes a cache entry atomically (temp file 0600, then rename), so a credential_process running
 * concurrently reads the old entry or the new one, never half of one.
 */
export async function writeRoleCache(
  file: string,
  profile: SsoProfile,
  credentials: RoleCredentials,
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
