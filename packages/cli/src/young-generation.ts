import { setFlagsFromString } from 'node:v8';

/**
 * V8 grows the young generation to 8-32 MB while the daemon loads and starts, and never gives it back:
 * a third of an idle daemon's memory over bare node's. A daemon allocates little between ticks; its
 * first 1 MB semi-space is enough (BENCHMARKS.md: idle RSS, CPU per tick and the soak). Called before the
 * daemon's modules load, since growth already made is kept; left alone when the person set V8's
 * semi-space options.
 */
export function keepYoungGenerationSmall(env: Record<string, string | undefined>): boolean {
  const set = [...process.execArgv, env.NODE_OPTIONS ?? ''].join(' ');
  if (/semi[-_]space/.test(set)) return false;
  setFlagsFromString('--semi-space-growth-factor=1');
  return true;
}
