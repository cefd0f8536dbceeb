/**
 * Loaded into the daemon with `node --require`: appends one JSON line per interval to
 * $SSO_BENCH_PROBE_FILE with the process's active handles and requests (by type) and its heap.
 * Synchronous appends, so a line is whole even if the daemon is killed.
 */
import { appendFileSync } from 'node:fs';

const file = process.env.SSO_BENCH_PROBE_FILE;
const everyMs = Number(process.env.SSO_BENCH_PROBE_INTERVAL_MS ?? 1000);

if (file) {
  const timer = setInterval(() => {
    const types: Record<string, number> = {};
    const active = process.getActiveResourcesInfo();
    for (const type of active) types[type] = (types[type] ?? 0) + 1;
    const { heapUsed, rss } = process.memoryUsage();
    appendFileSync(file, `${JSON.stringify({ t: Date.now(), active: active.length, types, heapUsed, rss })}\n`);
  }, everyMs);
  // The probe must not keep a stopping daemon alive.
  timer.unref();
}
