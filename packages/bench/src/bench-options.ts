export interface BenchOptions {
  /** The short CI version: fewer runs, fewer sessions and cycles. */
  quick: boolean;
  /** Refresh cycles the soak runs to; undefined means the mode's default. */
  cycles?: number;
  /** Where the report goes; undefined means the mode's default. */
  out?: string;
  /** Benchmark names to run; empty means all. */
  only: string[];
}

export type OptionsParse = { options: BenchOptions } | { error: string };

const USAGE = 'usage: run-all [--quick] [--cycles N] [--out FILE] [--only NAME[,NAME...]]';

/** Reads run-all's arguments (without node and the script). Mistakes come back as an error message. */
export function parseBenchOptions(args: readonly string[], known: readonly string[]): OptionsParse {
  const options: BenchOptions = { quick: false, only: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = args[i + 1];
    // pnpm passes a separating `--` through to the script.
    if (arg === '--') continue;
    if (arg === '--quick') options.quick = true;
    else if (arg === '--cycles') {
      const cycles = Number(value);
      if (!Number.isInteger(cycles) || cycles < 4)
        return { error: `--cycles needs a whole number >= 4\n${USAGE}` };
      options.cycles = cycles;
      i++;
    } else if (arg === '--out') {
      if (!value) return { error: `--out needs a file\n${USAGE}` };
      options.out = value;
      i++;
    } else if (arg === '--only') {
      const names = (value ?? '').split(',').filter(Boolean);
      const unknown = names.filter((n) => !known.includes(n));
      if (names.length === 0 || unknown.length)
        return { error: `--only takes some of: ${known.join(', ')}\n${USAGE}` };
      options.only = names;
      i++;
    } else return { error: `unknown argument ${arg}\n${USAGE}` };
  }
  return { options };
}
