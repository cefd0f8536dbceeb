import { setTimeout as sleep } from 'node:timers/promises';
import { median } from './median';
import { readRssKb } from './read-rss-kb';

/** Median RSS in KiB of each process over `count` samples `everyMs` apart, all read at the same moments. */
export async function sampleRss(pids: number[], count: number, everyMs: number): Promise<number[]> {
  const samples = pids.map(() => [] as number[]);
  for (let i = 0; i < count; i++) {
    if (i > 0) await sleep(everyMs);
    pids.forEach((pid, j) => samples[j].push(readRssKb(pid)));
  }
  return samples.map(median);
}
