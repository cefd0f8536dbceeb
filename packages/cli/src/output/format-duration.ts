/** `2h05m`, `14m`, `40s`, `expired 3m ago`: time left as a person reads it. */
export function formatTimeLeft(seconds: number | null): string {
  if (seconds === null) return '-';
  const abs = Math.abs(seconds);
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const text = h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : m > 0 ? `${m}m` : `${abs}s`;
  return seconds < 0 ? `expired ${text} ago` : `${text} left`;
}
