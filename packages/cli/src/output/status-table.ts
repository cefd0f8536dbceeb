import type { HumanTime, SessionStatus } from '@sso-supervisor/core/setup';
import { formatDuration } from '@sso-supervisor/core/setup';
import type { Paint } from './terminal-format';

/** What the table is drawn for: the terminal's width (80 when unknown), the daemon, the one time format. */
export interface TableContext {
  paint: Paint;
  time: HumanTime;
  now: Date;
  daemonRunning: boolean;
  width?: number;
}

const HEADER = ['SESSION', 'PROFILES', 'LEFT', 'STATE', 'LAST REFRESH', 'NEXT CHECK'];
const GAP = '  ';
const MIN_PROFILES = 8;

type Style = Parameters<Paint>[0];

/** The words a person acts on: "expired, will refresh" is not "needs a login". */
function stateLabel(s: SessionStatus, running: boolean): { text: string; style: Style } {
  if (s.lastResult?.outcome === 'failed' && s.state !== 'invalid' && s.state !== 'missing')
    return { text: 'refresh failing', style: 'yellow' };
  switch (s.state) {
    case 'valid':
      return { text: 'valid', style: 'green' };
    case 'expiring':
      return { text: 'refresh due', style: 'yellow' };
    case 'expired':
      // Refreshable (else it would be reauth_required): the daemon does it at its next check.
      return { text: running ? 'expired, will refresh' : 'expired', style: 'yellow' };
    case 'invalid':
      return { text: 'broken cache file', style: 'red' };
    default:
      return { text: 'needs a login', style: 'red' };
  }
}

function ago(at: string | null | undefined, now: Date): string {
  if (!at) return '-';
  const ms = now.getTime() - Date.parse(at);
  return Number.isNaN(ms) ? '-' : ms < 1000 ? 'now' : `${formatDuration(ms)} ago`;
}

function until(at: string | null | undefined, now: Date): string {
  if (!at) return '-';
  const ms = Date.parse(at) - now.getTime();
  return Number.isNaN(ms) ? '-' : ms < 1000 ? 'now' : `in ${formatDuration(ms)}`;
}

function left(s: SessionStatus): string {
  if (s.secondsLeft === null) return '-';
  return s.secondsLeft < 0
    ? `-${formatDuration(s.secondsLeft * 1000)}`
    : formatDuration(s.secondsLeft * 1000);
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** `dev, prod +10`: as many profiles as fit, then how many more. */
export function summariseProfiles(profiles: string[], width: number): string {
  const all = profiles.join(', ');
  if (all.length <= width) return all;
  for (let shown = profiles.length - 1; shown >= 1; shown--) {
    const text = `${profiles.slice(0, shown).join(', ')} +${profiles.length - shown}`;
    if (text.length <= width) return text;
  }
  if (profiles.length === 1) return cut(all, width);
  const more = ` +${profiles.length - 1}`;
  return `${cut(profiles[0] ?? '', width - more.length)}${more}`;
}

/** What to do, or what to know, under a session's row. */
function notes(s: SessionStatus, ctx: TableContext): string[] {
  const { time } = ctx;
  const out: string[] = [];
  if (s.state === 'expired' && s.expiresAt)
    out.push(
      `expired ${time.when(s.expiresAt)}; ${ctx.daemonRunning ? 'the daemon refreshes it at its next check' : 'run `sso-supervisor refresh`, or start the daemon'}`,
    );
  if (s.lastResult && s.lastResult.outcome !== 'refreshed')
    out.push(`last refresh ${s.lastResult.outcome.replace('_', ' ')} ${time.when(s.lastResult.at)}`);
  if (s.detail) out.push(s.detail);
  else if (s.lastResult?.error) out.push(s.lastResult.error);
  if (s.sessionEndsAt) out.push(`Identity Center session ends about ${time.when(s.sessionEndsAt)}`);
  return out;
}

/**
 * The `status` table: a header row, then one row per session (name, profiles, time left, state, last
 * refresh, next check) with what to do beneath it. Rows fit `width` (80): profiles are summarised first.
 */
export function formatStatusTable(sessions: SessionStatus[], ctx: TableContext): string[] {
  const { paint, now } = ctx;
  const width = ctx.width ?? 80;
  const states = sessions.map((s) => stateLabel(s, ctx.daemonRunning));
  const rows = sessions.map((s, i) => [
    s.name ?? `(legacy) ${s.profiles[0] ?? s.startUrl}`,
    s.profiles,
    left(s),
    states[i].text,
    s.lastResult?.outcome === 'failed' ? `failed ${ago(s.lastResult.at, now)}` : ago(s.lastRefresh, now),
    until(s.nextCheck, now),
  ]);
  const measure = (col: number) =>
    Math.max(
      HEADER[col].length,
      ...rows.map((r) => (col === 1 ? (r[1] as string[]).join(', ') : (r[col] as string)).length),
    );
  const widths = HEADER.map((_, col) => measure(col));
  const fixed = widths.reduce((a, b) => a + b, 0) - widths[0] - widths[1] + GAP.length * (HEADER.length - 1);
  // When name and profiles do not both fit, they share the room, the shorter one keeping all it needs;
  // what the summarised profiles leave unused goes back to the name.
  const room = width - fixed;
  const needed = widths[0];
  if (widths[0] + widths[1] > room) {
    const half = Math.floor(room / 2);
    widths[0] = widths[1] < half ? room - widths[1] : Math.min(widths[0], Math.max(HEADER[0].length, half));
    widths[1] = Math.max(MIN_PROFILES, room - widths[0]);
  }
  const profileCells = rows.map((r) => summariseProfiles(r[1] as string[], widths[1]));
  widths[1] = Math.max(HEADER[1].length, ...profileCells.map((c) => c.length));
  widths[0] = Math.min(needed, Math.max(widths[0], room - widths[1]));
  const line = (cells: string[], style?: Style) =>
    cells
      .map((cell, col) => {
        const padded = col === cells.length - 1 ? cell : cell.padEnd(widths[col]);
        return col === 3 && style ? paint(style, padded) : padded;
      })
      .join(GAP)
      .trimEnd();
  const out = [paint('dim', line(HEADER))];
  rows.forEach((r, i) => {
    const cells = [cut(r[0] as string, widths[0]), profileCells[i], ...(r.slice(2) as string[])];
    out.push(line(cells, states[i].style));
    for (const note of notes(sessions[i], ctx)) out.push(`  ${paint('dim', note)}`);
  });
  return out;
}
