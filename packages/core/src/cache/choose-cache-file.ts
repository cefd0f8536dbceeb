import { stat } from 'node:fs/promises';
import type { SsoSession } from '../aws-config/discover-sessions';

/**
 * Settles `cacheFile` for a session with two candidates (a legacy start URL with an inline comment, which
 * the AWS CLI and the JS SDK hash differently): the one that exists, the newer of two, else the AWS CLI's,
 * where `aws sso login` will write. Says why in `cacheFileReason`, for `doctor`. Other sessions are left as
 * they are.
 */
export async function chooseCacheFile(session: SsoSession): Promise<void> {
  const candidates = session.cacheFileCandidates;
  if (!candidates) return;
  const found = await Promise.all(
    candidates.map(async (c) => ({
      ...c,
      mtime: await stat(c.file).then(
        (s) => s.mtimeMs,
        () => null,
      ),
    })),
  );
  const existing = found.filter((c) => c.mtime !== null).sort((a, b) => b.mtime! - a.mtime!);
  const [cli, sdk] = found;
  const why =
    `its sso_start_url has an inline comment, which the AWS CLI and botocore hash with the URL ` +
    `(${cli.file}) and the AWS SDK for JavaScript strips (${sdk.file})`;
  if (existing.length === 0) {
    session.cacheFile = cli.file;
    session.cacheFileReason = `${why}; neither exists, so it is ${cli.readBy}'s, where aws sso login writes`;
  } else {
    const [chosen] = existing;
    session.cacheFile = chosen.file;
    const which = existing.length === 2 ? 'both exist and it is the newer' : 'it is the one that exists';
    session.cacheFileReason = `${why}; using ${chosen.readBy}'s: ${which}`;
  }
}
