import { formatFinding, readSessionStatus } from '@sso-supervisor/core';
import { EXIT, type CliIo } from '../cli-io';
import type { Workspace } from '../load-workspace';
import { formatStatusLines } from '../output/format-status';
import { painter } from '../output/paint';

const HEALTHY = new Set(['valid', 'expiring']);

/** `status`: every session's cache file, read without network or AWS SDK. Exit 1 when one needs a person. */
export async function statusCommand(ws: Workspace, io: CliIo, opts: { json?: boolean }): Promise<number> {
  const now = new Date();
  const sessions = await Promise.all(
    ws.supervised.map(({ session, settings }) => readSessionStatus(session, now, settings.threshold)),
  );
  for (const f of ws.findings) io.stderr.write(`${formatFinding(f)}\n`);
  if (opts.json) {
    io.stdout.write(`${JSON.stringify({ daemon: { running: false }, sessions }, null, 2)}\n`);
  } else if (sessions.length === 0) {
    io.stdout.write(`no SSO sessions found in ${ws.paths.awsConfigFile}\n`);
  } else {
    io.stdout.write(`${formatStatusLines(sessions, painter(io.stdout, io.env)).join('\n')}\n`);
  }
  return sessions.every((s) => HEALTHY.has(s.state)) ? EXIT.ok : EXIT.failed;
}
