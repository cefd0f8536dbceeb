/** The middle value (the mean of the two middle ones for an even count); NaN for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `measured / baseline` as `2.41x`; a dash when the baseline is zero or not a number. */
export function formatRatio(measured: number, baseline: number): string {
  if (!Number.isFinite(measured) || !Number.isFinite(baseline) || baseline === 0) return '-';
  return `${(measured / baseline).toFixed(2)}x`;
}

export interface QuarterWindows {
  /** When the run passed a quarter, half and three quarters of the target. */
  bounds: [number, number, number];
  /** Items (by time) in four lists: first quarter up to the first bound, last quarter from the third on. */
  split<T extends { t: number }>(items: readonly T[]): [T[], T[], T[], T[]];
}

/**
 * Where the quarters of `target` cycles fall in time, from samples of the cycle count taken in time
 * order. Undefined when the samples never reach three quarters of the target.
 */
export function quarterWindows(
  samples: readonly { t: number; cycles: number }[],
  target: number,
): QuarterWindows | undefined {
  const at = (fraction: number) => samples.find((s) => s.cycles >= target * fraction)?.t;
  const [q1, q2, q3] = [at(1 / 4), at(1 / 2), at(3 / 4)];
  if (q1 === undefined || q2 === undefined || q3 === undefined) return undefined;
  const bounds: [number, number, number] = [q1, q2, q3];
  return {
    bounds,
    split<T extends { t: number }>(items: readonly T[]) {
      const out: [T[], T[], T[], T[]] = [[], [], [], []];
      for (const item of items) {
        if (item.t <= q1) out[0].push(item);
        else if (item.t < q3) out[item.t <= q2 ? 1 : 2].push(item);
        else out[3].push(item);
      }
      return out;
    },
  };
}
