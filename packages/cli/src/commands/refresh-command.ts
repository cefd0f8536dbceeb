import {
  chooseSessions,
  retrySettings,
  SessionRefresher,
  type RefreshResult,
  type Setup,
} from '@sso-supervisor/core';
import { EXIT, type CliIo } from '../cli-io';
import { askDaemonFirst, warnUnlocked } from '../daemon-first';
import { painter } from '../output/terminal-format';

const OK = new Set(['refreshed', 'skipped']);

function describe(r: RefreshResult): string {
  const name = r.session ?? r.id;
  if (r.outcome === 'refreshed') return `${name}: refreshed, valid until ${r.expiresAt}`;
  if (r.outcome === 'skipped') return `${name}: not due, valid until ${r.expiresAt}`;
  return `${name}: ${r.outcome.replace('_', ' ')}: ${r.error}`;
}

/**
 * `refresh [SESSION...] [--profile P...]`: one pass now over the supervised sessions, or the named ones
 * (supervised or not). Unknown names are a usage error, with a did-you-mean.
 */
export async function refreshCommand(
  ws: Setup,
  io: CliIo,
  names: string[],
  opts: { json?: boolean; force?: boolean; profile?: string[] },
): Promise<number> {
  // A name may be any session of the AWS config, supervised or not, as `status NAME` and `login` take it.
  const picked = chooseSessions(ws, ws.sessions, names, opts.profile ?? []);
  if ('failures' in picked) {
    for (const line of picked.failures) io.stderr.write(`error: ${line}\n`);
    return EXIT.usage;
  }
  const chosen =
    names.length || opts.profile?.length
      ? picked.sessions.map((session) => ({ session, settings: ws.settingsFor(session) }))
      : ws.supervised;
  const results =
    (await refreshThroughDaemon(ws, chosen, opts.force ?? false)) ??
    (await refreshHere(ws, io, chosen, opts.force));
  if (opts.json) io.stdout.write(`${JSON.stringify({ results }, null, 2)}\n`);
  else {
    const paint = painter(io.stdout, io.env);
    for (const r of results) io.stdout.write(`${paint(OK.has(r.outcome) ? 'green' : 'red', describe(r))}\n`);
  }
  return results.every((r) => OK.has(r.outcome)) ? EXIT.ok : EXIT.failed;
}

/** The running daemon's pass (it joins a refresh its workers are making), or null: do it here. */
async function refreshThroughDaemon(
  ws: Setup,
  chosen: Setup['supervised'],
  force: boolean,
): Promise<RefreshResult[] | null> {
  if (!chosen.length) return null;
  const sessions = chosen.map((s) => s.session.id);
  const said = await askDaemonFirst<'refresh'>(ws, { op: 'refresh', sessions, force });
  return said?.ok ? said.result.results : null;
}

/** One pass in this process, each session under its cross-process lock. */
async function refreshHere(
  ws: Setup,
  io: CliIo,
  chosen: Setup['supervised'],
  force: boolean | undefined,
): Promise<RefreshResult[]> {
  const refresher = new SessionRefresher(undefined, undefined, {
    stateDir: ws.paths.stateDir,
    onUnlocked: warnUnlocked(io),
  });
  try {
    const settings = new Map(chosen.map((s) => [s.session.id, s.settings]));
    return await refresher.refreshAll(
      chosen.map((s) => s.session),
      (session) => {
        const own = settings.get(session.id)!;
        return { thresholdMs: own.threshold, retry: retrySettings(own), force };
      },
    );
  } finally {
    refresher.destroy();
  }
}
