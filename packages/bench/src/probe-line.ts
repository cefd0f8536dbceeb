/** One line of the handles probe's file (see probe/handles-probe.ts). */
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
