import path from 'node:path';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;

const EXPECTED_DURATION =
  'expected a duration such as 500ms, 90s, 20m, 1h, 1d or 1h30m, or a number of seconds';

/**
 * Reads a config duration into milliseconds. A bare number is seconds, as in the contract;
 * the message never repeats the value because it may have come from an environment variable.
 */
export function parseDuration(value: unknown): { ms: number } | { error: string } {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0)
      return { error: `${EXPECTED_DURATION}; negative or infinite numbers are not` };
    return { ms: Math.round(value * 1000) };
  }
  if (typeof value !== 'string') return { error: EXPECTED_DURATION };
  const text = value.trim();
  if (PLAIN_NUMBER.test(text)) return { ms: Math.round(Number(text) * 1000) };
  if (!WHOLE.test(text)) return { error: EXPECTED_DURATION };
  let ms = 0;
  for (const [, amount, unit] of text.matchAll(PART)) ms += Number(amount) * UNIT_MS[unit];
  return { ms: Math.round(ms) };
}

const UNIT_BYTES: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
const SIZE = /^(\d+(?:\.\d+)?)\s*(?:([kmg])(?:i?b)?|b)?$/i;

const EXPECTED_SIZE = 'expected a size such as 512k, 10m, 1g (powers of 1024) or a number of bytes';

/** Reads a log size (log.maxSize) into bytes; units are binary, as log rotators use them. */
export function parseSize(value: unknown): { bytes: number } | { error: string } {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return { error: EXPECTED_SIZE };
    return { bytes: Math.floor(value) };
  }
  if (typeof value !== 'string') return { error: EXPECTED_SIZE };
  const match = SIZE.exec(value.trim());
  if (!match) return { error: EXPECTED_SIZE };
  return { bytes: Math.floor(Number(match[1]) * UNIT_BYTES[(match[2] ?? '').toLowerCase()]) };
}

/**
 * Expands `~` against the given home and, when `baseDir` is given, resolves a relative path
 * from it: a config file means the same thing whatever directory the daemon starts in.
 */
export function expandPath(value: string, home: string, baseDir?: string): string {
  let expanded = value;
  if (value === '~') expanded = home;
  else if (value.startsWith('~/')) expanded = path.join(home, value.slice(2));
  return baseDir === undefined ? expanded : path.resolve(baseDir, expanded);
}
