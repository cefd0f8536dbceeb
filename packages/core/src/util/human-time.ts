/**
 * The one way a time is shown to a person: in `status`, `logs`, the foreground `run` output and the
 * messages of events. Local time with its zone (`10:20 CET`), honouring `TZ`; `--utc` passes TZ=UTC.
 * Machine output (JSON, the log file, the state file) stays ISO-8601 UTC and never comes through here.
 */
export interface HumanTime {
  /** `10:20 CET` today; `2026-11-25 09:00 CET` on another day. */
  clock(at: Date | string): string;
  /** `2026-12-02 10:20:05 CET`: a log line's stamp, to the second. */
  stamp(at: Date | string): string;
  /** `in 42m (10:20 CET)`, `3m ago (09:35 CET)`: relative to now, with the clock time beside it. */
  when(at: Date | string): string;
  /** The zone shown, e.g. `CET`, `UTC`, `GMT+5:30`. */
  zone: string;
}

/** `2h05m`, `14m`, `40s`, `3d04h`: a length of time as a person reads it. */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  if (d > 0) return `${d}d${String(h).padStart(2, '0')}h`;
  if (h > 0) return `${h}h${String(m).padStart(2, '0')}m`;
  return m > 0 ? `${m}m` : `${total}s`;
}

/** The zone TZ names, when Intl knows it (`:Europe/Paris` and `Europe/Paris` alike); else the process's. */
function zoneFrom(env: Record<string, string | undefined>): string | undefined {
  const tz = env.TZ?.replace(/^:/, '');
  if (!tz) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

// en-US knows EST and PST, en-GB knows CET and BST; where neither has a name, the GMT offset stays.
function zoneNameOf(timeZone: string | undefined, at: Date): string {
  let fallback = 'UTC';
  for (const locale of ['en-US', 'en-GB']) {
    const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(at);
    const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'UTC';
    if (!name.startsWith('GMT')) return name;
    fallback = name === 'GMT' ? 'UTC' : name;
  }
  return fallback;
}

function toDate(at: Date | string): Date {
  return typeof at === 'string' ? new Date(at) : at;
}

// The first Intl.DateTimeFormat of a process loads ICU's zone and locale data (~25 ms, most of a short
// `status`). In UTC (servers, CI, containers, --utc) Date's own UTC fields give the same text without it.
const UTC_NAMES = new Set(['UTC', 'Etc/UTC']);

/** Whether the zone shown is UTC: TZ names it, or TZ is unset and the process's own zone is UTC. */
function inUtc(env: Record<string, string | undefined>, now: Date): boolean {
  const tz = env.TZ?.replace(/^:/, '');
  if (tz) return UTC_NAMES.has(tz);
  return (
    env.TZ === undefined &&
    now.getTimezoneOffset() === 0 &&
    now.toString().endsWith('(Coordinated Universal Time)')
  );
}

const two = (n: number) => String(n).padStart(2, '0');

function utcFields(at: Date) {
  return {
    date: `${at.getUTCFullYear()}-${two(at.getUTCMonth() + 1)}-${two(at.getUTCDate())}`,
    time: `${two(at.getUTCHours())}:${two(at.getUTCMinutes())}`,
    seconds: two(at.getUTCSeconds()),
  };
}

/** The date, time and seconds fields of `at` in `timeZone` (the process's when undefined), through Intl. */
function intlFields(timeZone: string | undefined) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return (at: Date) => {
    const f = Object.fromEntries(parts.formatToParts(at).map((p) => [p.type, p.value]));
    return { date: `${f.year}-${f.month}-${f.day}`, time: `${f.hour}:${f.minute}`, seconds: f.second };
  };
}

/**
 * Formats for the zone `env.TZ` names (the process's zone when it names none Intl knows). `now` is read on
 * every call, so one formatter serves a long-running process.
 */
export function humanTime(
  env: Record<string, string | undefined> = process.env,
  now: () => Date = () => new Date(),
): HumanTime {
  const utc = inUtc(env, now());
  const timeZone = utc ? 'UTC' : zoneFrom(env);
  const fields = utc ? utcFields : intlFields(timeZone);
  const zoneName = (at: Date) => (utc ? 'UTC' : zoneNameOf(timeZone, at));
  const clock = (value: Date | string) => {
    const at = toDate(value);
    if (Number.isNaN(at.getTime())) return String(value);
    const { date, time } = fields(at);
    const shown = date === fields(now()).date ? time : `${date} ${time}`;
    return `${shown} ${zoneName(at)}`;
  };
  return {
    zone: zoneName(now()),
    clock,
    stamp(value) {
      const at = toDate(value);
      if (Number.isNaN(at.getTime())) return String(value);
      const { date, time, seconds } = fields(at);
      return `${date} ${time}:${seconds} ${zoneName(at)}`;
    },
    when(value) {
      const at = toDate(value);
      if (Number.isNaN(at.getTime())) return String(value);
      const ms = at.getTime() - now().getTime();
      const relative =
        Math.abs(ms) < 1000 ? 'now' : ms > 0 ? `in ${formatDuration(ms)}` : `${formatDuration(ms)} ago`;
      return `${relative} (${clock(at)})`;
    },
  };
}
