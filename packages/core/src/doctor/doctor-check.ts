export type DoctorStatus = 'pass' | 'warn' | 'fail';

/** One finding of `doctor`: what was checked, what was found, and for a warning or failure, the fix. */
export interface DoctorCheck {
  status: DoctorStatus;
  title: string;
  detail: string;
  fix?: string;
}

/** `3d04h`, `2h05m`, `14m`, `40s`: a length of time as a person reads it. Negative spans read the same. */
export function describeSpan(seconds: number): string {
  const abs = Math.abs(Math.round(seconds));
  const d = Math.floor(abs / 86400);
  const h = Math.floor((abs % 86400) / 3600);
  const m = Math.floor((abs % 3600) / 60);
  if (d > 0) return `${d}d${String(h).padStart(2, '0')}h`;
  if (h > 0) return `${h}h${String(m).padStart(2, '0')}m`;
  return m > 0 ? `${m}m` : `${abs}s`;
}
