import { stat } from 'node:fs/promises';
import {
  didYouMean,
  quoteName,
  formatFinding,
  humanTime,
  runningDaemonPid,
  readSessionStatus,
  readStateFile,
  readConfigRefusal,
  refusalDir,
  refusalFix,
  withDaemonRecord,
  type ConfigRefusal,
} from '@sso-supervisor/core/setup';
import { EXIT, type CliIo } from '../cli-io';
import type { Setup, SsoSession } from '@sso-supervisor/core';
import { painter } from '../output/terminal-format';
import { formatStatusTable } from '../output/status-table';

const HEALTHY = new Set(['valid', 'expiring']);

const matches = (s: SsoSession, name: string) => s.name === name || s.profiles.includes(name);

/** The sessions asked for: every supervised one, or the named ones, supervised or not (as `login` takes them). */
function choose(ws: Setup, names: string[]): { sessions: SsoSession[] } | { unknown: string[] } {
  if (!names.length) return { sessions: ws.supervised.map((s) => s.session) };
  const unknown = names.filter((n) => !ws.sessions.some((s) => matches(s, n)));
  if (unknown.length) return { unknown };
  return { sessions: ws.sessions.filter((s) => names.some((n) => matches(s, n))) };
}

function unknownMessage(ws: Setup, unknown: string[]): string {
  const known = ws.sessions.flatMap((s) => [...(s.name ? [s.name] : []), ...s.profiles]);
  return unknown
    .map((name) => {
      const guess = didYouMean(name, known);
      return `unknown session or profile ${quoteName(name)} in ${ws.paths.awsConfigFile}${guess ? `; did you mean "${guess}"?` : ''}`;
    })
    .join('\n');
}

/** The head's extra lines for a daemon that `run` refused to start (the service manager will not retry). */
function refusalLines(refusal: ConfigRefusal, platform: NodeJS.Platform): string[] {
  const more = refusal.errors.length > 1 ? ` (and ${refusal.errors.length - 1} more)` : '';
  return [`  ${refusal.errors[0] ?? 'the config has errors'}${more}`, `  fix: ${refusalFix(platform)}`];
}

/**
 * `status [SESSION...]`: every session's cache file, merged with the daemon's state file when there is
 * one. No network, no AWS SDK. Exit 1 when a session shown needs a person, or the daemon stopped on a
 * config error; 2 for an unknown name.
 */
export async function statusCommand(
  ws: Setup,
  io: CliIo,
  opts: { json?: boolean },
  names: string[] = [],
): Promise<number> {
  const chosen = choose(ws, names);
  if ('unknown' in chosen) {
    const message = unknownMessage(ws, chosen.unknown);
    if (opts.json) {
      const errors = message.split('\n').map((line) => ({ file: null, path: '', message: line }));
      io.stdout.write(`${JSON.stringify({ ok: false, errors, warnings: [] }, null, 2)}\n`);
    } else io.stderr.write(`error: ${message}\n`);
    return EXIT.usage;
  }
  const now = new Date();
  const [{ state, warning }, pid, statuses, written, lastRefusal] = await Promise.all([
    readStateFile(ws.paths.stateDir),
    runningDaemonPid(ws.paths.stateDir),
    Promise.all(chosen.sessions.map((s) => readSessionStatus(s, now, ws.settingsFor(s).threshold))),
    Promise.all(
      chosen.sessions.map((s) =>
        stat(s.cacheFile).then(
          (i) => i.mtimeMs,
          () => undefined,
        ),
      ),
    ),
    readConfigRefusal(refusalDir(io)),
  ]);
  const running = pid !== null;
  const refusal = running ? null : lastRefusal;
  const sessions = statuses.map((s, i) =>
    withDaemonRecord(s, state?.sessions[chosen.sessions[i].id], running, written[i]),
  );
  const supervised = new Set(ws.supervised.map((s) => s.session.id));
  const unsupervised = names.length
    ? []
    : ws.sessions.filter((s) => !supervised.has(s.id)).map((s) => s.name ?? s.profiles[0]);
  for (const f of ws.findings) io.stderr.write(`${formatFinding(f)}\n`);
  if (warning) io.stderr.write(`warning: ${warning}\n`);
  const startedAt = state?.pid === pid ? state?.startedAt : undefined;
  const configError = refusal && { ...refusal, fix: refusalFix(io.platform) };
  const daemon = running ? { running, pid, startedAt } : { running, ...(configError && { configError }) };
  if (opts.json) {
    io.stdout.write(`${JSON.stringify({ daemon, sessions, unsupervised }, null, 2)}\n`);
  } else {
    const paint = painter(io.stdout, io.env);
    const time = humanTime(io.env, () => now);
    const started = startedAt ? `, started ${time.when(startedAt)}` : '';
    const head = running
      ? paint('dim', `daemon running (pid ${pid}${started})`)
      : refusal
        ? [
            paint('red', `daemon stopped on a config error ${time.when(refusal.at)} (pid ${refusal.pid})`),
            ...refusalLines(refusal, io.platform),
          ].join('\n')
        : paint('dim', 'daemon not running');
    const lines = sessions.length
      ? formatStatusTable(sessions, { paint, time, now, daemonRunning: running })
      : [`no SSO sessions found in ${ws.paths.awsConfigFile}`];
    if (unsupervised.length)
      lines.push(
        paint(
          'dim',
          `not supervised (\`sessions:\` in ${ws.config.file} leaves them out): ${unsupervised.join(', ')}`,
        ),
      );
    io.stdout.write(`${head}\n${lines.join('\n')}\n`);
  }
  return !refusal && sessions.every((s) => HEALTHY.has(s.state)) ? EXIT.ok : EXIT.failed;
}

/**
 * For a `status` that could not read the config itself: the errors are on stderr already; say whether the
 * service stopped on them too, and what then.
 */
export async function noteConfigRefusal(io: CliIo): Promise<void> {
  const refusal = await readConfigRefusal(refusalDir(io));
  if (!refusal) return;
  const time = humanTime(io.env, () => new Date());
  io.stderr.write(
    `the daemon stopped on a config error ${time.when(refusal.at)} (pid ${refusal.pid}); ${refusalFix(io.platform)}\n`,
  );
}
