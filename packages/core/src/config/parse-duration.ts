const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;

const EXPECTED = 'expected a duration such as 500ms, 90s, 20m, 1h, 1d or 1h30m, or a number of seconds';

/**
 * Reads a config duration into milliseconds. A bare number is seconds, as in the contract;
 * the message never repeats the value because it may have come from an environment variable.
 */
export function parseDuration(value: unknown): { ms: number } | { error: string } {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0)
      return { error: `${EXPECTED}; negative or infinite numbers are not` };
    return { ms: Math.round(value * 1000) };
  }
  if (typeof value !== 'string') return { error: EXPECTED };
  const text = value.trim();
  if (PLAIN_NUMBER.test(text)) return { ms: Math.round(Number(text) * 1000) };
  if (!WHOLE.test(text)) return { error: EXPECTED };
  let ms = 0;
  for (const [, amount, unit] of text.matchAll(PART)) ms += Number(amount) * UNIT_MS[unit];
  return { ms: Math.round(ms) };
}
