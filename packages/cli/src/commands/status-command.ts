import {
  formatFinding,
  runningDaemonPid,
  readSessionStatus,
  readStateFile,
  withDaemonRecord,
} from '@sso-supervisor/core/setup';
import { EXIT, type CliIo } from '../cli-io';
import type { Setup } from '@sso-supervisor/core';
import { formatStatusLines, painter } from '../output/terminal-format';

const HEALTHY = new Set(['valid', 'expiring']);

/**
 * `status`: every session's cache file, merged with the daemon's state file when there is one. No network,
 * no AWS SDK. Exit 1 when a session needs a person.
 */
export async function statusCommand(ws: Setup, io: CliIo, opts: { json?: boolean }): Promise<number> {
  const now = new Date();
  const [{ state, warning }, pid, statuses] = await Promise.all([
    readStateFile(ws.paths.stateDir),
    runningDaemonPid(ws.paths.stateDir),
    Promise.all(
      ws.supervised.map(({ session, settings }) => readSessionStatus(session, now, settings.threshold)),
    ),
  ]);
  const running = pid !== null;
  const sessions = statuses.map((s, i) =>
    withDaemonRecord(s, state?.sessions[ws.supervised[i].session.id], running),
  );
  for (const f of ws.findings) io.stderr.write(`${formatFinding(f)}\n`);
  if (warning) io.stderr.write(`warning: ${warning}\n`);
  const startedAt = state?.pid === pid ? state?.startedAt : undefined;
  const daemon = running ? { running, pid, startedAt } : { running };
  if (opts.json) {
    io.stdout.write(`${JSON.stringify({ daemon, sessions }, null, 2)}\n`);
  } else {
    const paint = painter(io.stdout, io.env);
    const head = running
      ? `daemon running (pid ${state!.pid}, since ${state!.startedAt})`
      : 'daemon not running';
    const lines = sessions.length
      ? formatStatusLines(sessions, paint)
      : [`no SSO sessions found in ${ws.paths.awsConfigFile}`];
    io.stdout.write(`${paint('dim', head)}\n${lines.join('\n')}\n`);
  }
  return sessions.every((s) => HEALTHY.has(s.state)) ? EXIT.ok : EXIT.failed;
}
