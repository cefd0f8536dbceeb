const UNIT_BYTES: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
const SIZE = /^(\d+(?:\.\d+)?)\s*(?:([kmg])(?:i?b)?|b)?$/i;

const EXPECTED = 'expected a size such as 512k, 10m, 1g (powers of 1024) or a number of bytes';

/** Reads a log size (log.maxSize) into bytes; units are binary, as log rotators use them. */
export function parseSize(value: unknown): { bytes: number } | { error: string } {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return { error: EXPECTED };
    return { bytes: Math.floor(value) };
  }
  if (typeof value !== 'string') return { error: EXPECTED };
  const match = SIZE.exec(value.trim());
  if (!match) return { error: EXPECTED };
  return { bytes: Math.floor(Number(match[1]) * UNIT_BYTES[(match[2] ?? '').toLowerCase()]) };
}
