/** pass/miss against the target; info when there is no target; error when the benchmark could not run. */
export type Verdict = 'pass' | 'miss' | 'info' | 'error';

/** One line of the report: a figure measured side by side with its baseline in the same run. */
export interface BenchRow {
  benchmark: string;
  measured: string;
  baseline: string;
  ratio: string;
  target: string;
  verdict: Verdict;
  /** Context: absolute figures, counts, how it was measured. */
  notes: string[];
}
