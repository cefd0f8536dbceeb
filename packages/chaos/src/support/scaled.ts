const SCALES = ['short', 'full'] as const;

type Scale = (typeof SCALES)[number];

/**
 * Picks a size by CHAOS_SCALE: `short` (the default, what `pnpm test` runs in CI) or `full`
 * (`pnpm test:chaos`). Anything else is refused, so a typo never silently runs the short suite.
 */
export function scaled<T>(sizes: Record<Scale, T>): T {
  const scale = process.env.CHAOS_SCALE || 'short';
  if (!(SCALES as readonly string[]).includes(scale)) {
    throw new Error(`CHAOS_SCALE must be one of ${SCALES.join(', ')}, got ${JSON.stringify(scale)}`);
  }
  return sizes[scale as Scale];
}
