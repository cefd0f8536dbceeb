import { styleText } from 'node:util';
import type { SessionStatus } from '@sso-supervisor/core';
import { colourWanted } from '@sso-supervisor/core/setup';

type Style = Parameters<typeof styleText>[0];

/**
 * Colour as colourWanted decides for this stream and environment. styleText's own check is off: it looks at
 * process.stdout and process.env, and counts an empty NO_COLOR as set.
 */
export function painter(stream: { isTTY?: boolean }, env: Record<string, string | undefined>) {
  const enabled = colourWanted(stream, env);
  return (style: Style, text: string): string =>
    enabled ? styleText(style, text, { validateStream: false }) : text;
}

export type Paint = ReturnType<typeof painter>;

/** `2h05m`, `14m`, `40s`, `expired 3m ago`: time left as a person reads it. */
export function formatTimeLeft(seconds: number | null): string {
  if (seconds === null) return '-';
  const abs = Math.abs(seconds);
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const text = h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : m > 0 ? `${m}m` : `${abs}s`;
  return seconds < 0 ? `expired ${text} ago` : `${text} left`;
}

const STATE_STYLE: Record<SessionStatus['state'], Parameters<Paint>[0]> = {
  valid: 'green',
  expiring: 'yellow',
  expired: 'red',
  missing: 'red',
  invalid: 'red',
  reauth_required: 'red',
};

function label(s: SessionStatus): string {
  return s.name ?? `(legacy) ${s.profiles[0] ?? s.startUrl}`;
}

/**
 * One aligned line per session: name, profiles, time left, state; then the detail that says what to do,
 * and the estimated end of the Identity Center session when the daemon knows it.
 */
export function formatStatusLines(sessions: SessionStatus[], paint: Paint): string[] {
  const rows = sessions.map((s) => [label(s), s.profiles.join(','), formatTimeLeft(s.secondsLeft), s.state]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
  return sessions.flatMap((s, i) => {
    const [name, profiles, left, state] = rows[i];
    const line = [
      name.padEnd(widths[0]),
      profiles.padEnd(widths[1]),
      left.padEnd(widths[2]),
      paint(STATE_STYLE[s.state], state),
    ];
    const notes = [s.detail, s.sessionEndsAt && `Identity Center session ends about ${s.sessionEndsAt}`];
    const shown = notes.filter((note): note is string => Boolean(note));
    return [line.join('  '), ...shown.map((note) => `  ${paint('dim', note)}`)];
  });
}
