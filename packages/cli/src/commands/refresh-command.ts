import {
  retrySettings,
  SessionRefresher,
  type RefreshResult,
  type SsoSession,
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
 * `refresh [SESSION...]`: one pass now over the supervised sessions, or the named ones (supervised or not).
 * Unknown session names are a usage error.
 */
export async function refreshCommand(
  ws: Setup,
  io: CliIo,
  names: string[],
  opts: { json?: boolean; force?: boolean },
): Promise<number> {
  const matches = (s: SsoSession, n: string) => s.name === n || s.profiles.includes(n);
  // A name may be any session of the AWS config, supervised or not, as `status NAME` and `login` take it.
  const unknown = names.filter((n) => !ws.sessions.some((s) => matches(s, n)));
  if (unknown.length) {
    const known = ws.sessions.map((s) => s.name ?? s.profiles[0]).join(', ');
    io.stderr.write(`unknown session: ${unknown.join(', ')} (known: ${known})\n`);
    return EXIT.usage;
  }
  const chosen = names.length
    ? ws.sessions
        .filter((s) => names.some((n) => matches(s, n)))
        .map((session) => ({ session, settings: ws.settingsFor(session) }))
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
