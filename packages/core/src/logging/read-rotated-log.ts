import { parse, join } from 'node:path';
import { readLogLines, type LogTail } from './read-log';

/** Far more rotated files than any `log.maxFiles` keeps; stops a loop over a folder of odd names. */
const MAX_ROTATED = 1000;

/**
 * The name winston's tailable rotation gives the `n`th older file (create-logger.ts): `supervisor.log`
 * -> `supervisor1.log`, `supervisor2.log`, ... (n = 1 is the newest rotated file).
 */
export function rotatedLogName(file: string, n: number): string {
  const { dir, name, ext } = parse(file);
  return join(dir, `${name}${n}${ext}`);
}

/**
 * The last `count` lines of the log, reaching back into the rotated files when the live one holds fewer, so
 * `logs -n 500` right after a rotation still shows 500 lines. Where it ended is the live file's, for `followLog`.
 */
export async function readLogTail(file: string, count: number): Promise<LogTail> {
  const live = await readLogLines(file, count);
  let lines = live.lines;
  for (let n = 1; lines.length < count && n <= MAX_ROTATED; n++) {
    const older = await readLogLines(rotatedLogName(file, n), count - lines.length);
    if (!older.exists) break;
    lines = [...older.lines, ...lines];
  }
  return { ...live, lines };
}
