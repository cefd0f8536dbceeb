import type { SsoSession } from '../aws-config/sso-session';
import type { CacheRead } from '../cache/read-cached-token';
import type { DoctorCheck } from './doctor-check';

const sessionLabel = (s: SsoSession) => s.name ?? s.profiles[0];

/**
 * The token cache file exists, parses, and only its owner can read it. `mode` is the file's
 * permission bits, or null where they mean nothing (Windows).
 */
export function checkCacheFile(session: SsoSession, read: CacheRead, mode: number | null): DoctorCheck {
  const title = `cache file ${sessionLabel(session)}`;
  const fix = `run ${session.loginCommand}`;
  if (read.status === 'missing') {
    return {
      status: 'fail',
      title,
      detail: `no cached token at ${session.cacheFile}: nobody logged in`,
      fix,
    };
  }
  if (read.status === 'invalid') return { status: 'fail', title, detail: read.message, fix };
  if (mode !== null && (mode & 0o077) !== 0) {
    return {
      status: 'warn',
      title,
      detail: `${session.cacheFile} is mode ${(mode & 0o777).toString(8).padStart(4, '0')}: other users can read the token`,
      fix: `chmod 600 ${session.cacheFile}`,
    };
  }
  return { status: 'pass', title, detail: `${session.cacheFile} (0600)` };
}
