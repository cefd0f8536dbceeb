/**
 * Loaded into the daemon with `node --require`: appends one JSON line per interval to
 * $SSO_BENCH_PROBE_FILE with the process's active handles and requests (by type) and its heap, and one
 * line after each major (mark-compact) garbage collection with the heap then, close to the live heap.
 * Synchronous appends, so a line is whole even if the daemon is killed.
 */
import { appendFileSync } from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';

const file = process.env.SSO_BENCH_PROBE_FILE;
const everyMs = Number(process.env.SSO_BENCH_PROBE_INTERVAL_MS ?? 1000);

if (file) {
  const write = (line: object) => appendFileSync(file, `${JSON.stringify({ t: Date.now(), ...line })}\n`);
  const timer = setInterval(() => {
    const types: Record<string, number> = {};
    const active = process.getActiveResourcesInfo();
    for (const type of active) types[type] = (types[type] ?? 0) + 1;
    const { heapUsed, rss } = process.memoryUsage();
    write({ active: active.length, types, heapUsed, rss });
  }, everyMs);
  // The probe must not keep a stopping daemon alive.
  timer.unref();
  new PerformanceObserver((list) => {
    const major = list
      .getEntries()
      .some(
        (e) => (e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR,
      );
    if (major) write({ majorGc: true, heapUsed: process.memoryUsage().heapUsed });
  }).observe({ entryTypes: ['gc'] });
}

/** One line of this probe's file, as the soak benchmark reads it. */
export type ProbeLine =
  | {
      /** Date.now() when taken. */
      t: number;
      majorGc?: undefined;
      /** process.getActiveResourcesInfo().length, the probe's own timer included. */
      active: number;
      types: Record<string, number>;
      heapUsed: number;
      rss: number;
    }
  | { t: number; majorGc: true; heapUsed: number };
