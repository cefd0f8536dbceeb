/** One line of the handles probe's file (see probe/handles-probe.ts). */
export interface ProbeLine {
  /** Date.now() when taken. */
  t: number;
  /** process.getActiveResourcesInfo().length, the probe's own timer included. */
  active: number;
  types: Record<string, number>;
  heapUsed: number;
  rss: number;
}
