import { createOidcRefresher, SessionRefresher, type RefreshResult } from '@sso-supervisor/core';
import { EXIT, type CliIo } from '../cli-io';
import type { Workspace } from '../load-workspace';
import { painter } from '../output/paint';

const OK = new Set(['refreshed', 'skipped']);

function describe(r: RefreshResult): string {
  const name = r.session ?? r.id;
  if (r.outcome === 'refreshed') return `${name}: refreshed, valid until ${r.expiresAt}`;
  if (r.outcome === 'skipped') return `${name}: not due, valid until ${r.expiresAt}`;
  return `${name}: ${r.outcome.replace('_', ' ')}: ${r.error}`;
}

/** `refresh [SESSION...]`: one pass now. Unknown session names are a usage error. */
export async function refreshCommand(
  ws: Workspace,
  io: CliIo,
  names: string[],
  opts: { json?: boolean; force?: boolean },
): Promise<number> {
  const unknown = names.filter((n) => !ws.sessions.some((s) => s.name === n || s.profiles.includes(n)));
  if (unknown.length) {
    io.stderr.write(`unknown session: ${unknown.join(', ')} (known: ${ws.sessions.map((s) => s.name ?? s.profiles[0]).join(', ')})\n`);
    return EXIT.usage;
  }
  const chosen = names.length ? ws.sessions.filter((s) => names.some((n) => s.name === n || s.profiles.includes(n))) : ws.sessions;
  const refresher = createOidcRefresher();
  try {
    const results = await new SessionRefresher(refresher).refreshAll(chosen, (s) => ({
      ...ws.settingsFor(s),
      force: opts.force,
    }));
    if (opts.json) io.stdout.write(`${JSON.stringify({ results }, null, 2)}\n`);
    else {
      const paint = painter(io.stdout, io.env);
      for (const r of results) io.stdout.write(`${paint(OK.has(r.outcome) ? 'green' : 'red', describe(r))}\n`);
    }
    return results.every((r) => OK.has(r.outcome)) ? EXIT.ok : EXIT.failed;
  } finally {
    refresher.destroy();
  }
}
