import { isAbsolute, join } from 'node:path';
import { followLog, humanLogLine, readLogTail } from '@sso-supervisor/core/daemon';
import { humanTime } from '@sso-supervisor/core/setup';
import { EXIT, type CliIo } from '../cli-io';
import type { Setup } from '@sso-supervisor/core';
import { painter } from '../output/terminal-format';

/** A log file line for a person: the JSON record as `run` shows it on a terminal; anything else as it is. */
function readable(io: CliIo): (line: string) => string {
  const time = humanTime(io.env);
  // The painter alone decides whether colour is on (a terminal, NO_COLOR); asking it keeps one rule.
  const colour = painter(io.stdout, io.env)('red', 'x') !== 'x';
  return (line) => {
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      return line;
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return line;
    return humanLogLine(record as Record<string, unknown>, { colour, time });
  };
}

/**
 * `logs [-f] [-n N] [--json]`: the daemon's log, the last N lines (reaching into the rotated files), then new
 * ones as they come with -f. Readable lines in local time; the file's own JSON lines with --json.
 */
export async function logsCommand(
  ws: Setup,
  io: CliIo,
  opts: { follow?: boolean; lines: number; json?: boolean; signal?: AbortSignal },
): Promise<number> {
  const { file: name } = ws.config.log;
  const file = isAbsolute(name) ? name : join(ws.paths.stateDir, name);
  const tail = await readLogTail(file, opts.lines);
  if (!tail.exists && !opts.follow) {
    io.stderr.write(`no log yet at ${file}; is \`sso-supervisor run\` running with this state dir?\n`);
    return EXIT.failed;
  }
  const show = opts.json ? (line: string) => line : readable(io);
  for (const line of tail.lines) io.stdout.write(`${show(line)}\n`);
  if (!opts.follow) return EXIT.ok;
  const controller = new AbortController();
  const stop = () => controller.abort();
  opts.signal?.addEventListener('abort', stop);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    for await (const line of followLog(file, { after: tail, signal: controller.signal }))
      io.stdout.write(`${show(line)}\n`);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  return EXIT.ok;
}
