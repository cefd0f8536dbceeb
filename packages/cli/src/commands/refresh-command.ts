import {
  chooseSessions,
  retrySettings,
  SessionRefresher,
  type RefreshResult,
  type Setup,
} from '@sso-supervisor/core';
import { EXIT, type CliIo } from '../cli-io';
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
  const refresher = new SessionRefresher();
  try {
    const settings = new Map(chosen.map((s) => [s.session.id, s.settings]));
    const results = await refresher.refreshAll(
      chosen.map((s) => s.session),
      (session) => {
        const own = settings.get(session.id)!;
        return { thresholdMs: own.threshold, retry: retrySettings(own), force: opts.force };
      },
    );
    if (opts.json) io.stdout.write(`${JSON.stringify({ results }, null, 2)}\n`);
    else {
      const paint = painter(io.stdout, io.env);
      for (const r of results)
        io.stdout.write(`${paint(OK.has(r.outcome) ? 'green' : 'red', describe(r))}\n`);
    }
    return results.every((r) => OK.has(r.outcome)) ? EXIT.ok : EXIT.failed;
  } finally {
    refresher.destroy();
  }
}
