/** `measured / baseline` as `2.41x`; a dash when the baseline is zero or not a number. */
export function formatRatio(measured: number, baseline: number): string {
  if (!Number.isFinite(measured) || !Number.isFinite(baseline) || baseline === 0) return '-';
  return `${(measured / baseline).toFixed(2)}x`;
}
