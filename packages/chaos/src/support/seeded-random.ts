/**
 * A small deterministic generator (mulberry32) for the moments chaos strikes, so a failing run can be
 * replayed with the seed it printed. The seed comes from CHAOS_SEED, else the clock.
 */
export function seededRandom(seed = Number(process.env.CHAOS_SEED) || Date.now() % 2 ** 31): {
  seed: number;
  next: () => number;
  between: (min: number, max: number) => number;
} {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { seed, next, between: (min, max) => Math.floor(min + next() * (max - min)) };
}
