export interface QuarterWindows {
  /** Samples taken at or before this time are in the first quarter of the cycles. */
  firstEnd: number;
  /** Samples taken at or after this time are in the last quarter. */
  lastStart: number;
}

/**
 * Where the first and last quarter of `target` cycles fall in time, from samples of the cycle count
 * taken in time order. Undefined when the samples never reach three quarters of the target.
 */
export function quarterWindows(
  samples: readonly { t: number; cycles: number }[],
  target: number,
): QuarterWindows | undefined {
  const firstEnd = samples.find((s) => s.cycles >= target / 4)?.t;
  const lastStart = samples.find((s) => s.cycles >= (3 * target) / 4)?.t;
  if (firstEnd === undefined || lastStart === undefined) return undefined;
  return { firstEnd, lastStart };
}
