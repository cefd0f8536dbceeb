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

/** `refresh [SESSION...] [--profile P...]`: one pass now. Unknown names are a usage error. */
export async function refreshCommand(
  ws: Setup,
  io: CliIo,
  names: string[],
  opts: { json?: boolean; force?: boolean; profile?: string[] },
): Promise<number> {
  const picked = chooseSessions(
    ws,
    ws.supervised.map((s) => s.session),
    names,
    opts.profile ?? [],
  );
  if ('failures' in picked) {
    for (const line of picked.failures) io.stderr.write(`error: ${line}\n`);
    return EXIT.usage;
  }
  const ids = new Set(picked.sessions.map((s) => s.id));
  const chosen = ws.supervised.filter((s) => ids.has(s.session.id));
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
