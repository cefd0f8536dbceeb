import { isAbsolute, join } from 'node:path';
import { followLog, readLogLines } from '@sso-supervisor/core/daemon';
import { EXIT, type CliIo } from '../cli-io';
import type { Setup } from '@sso-supervisor/core';

/** `logs [-f] [-n N]`: the daemon's log file, the last N lines, then new ones as they come with -f. */
export async function logsCommand(
  ws: Setup,
  io: CliIo,
  opts: { follow?: boolean; lines: number; signal?: AbortSignal },
): Promise<number> {
  const { file: name } = ws.config.log;
  const file = isAbsolute(name) ? name : join(ws.paths.stateDir, name);
  const tail = await readLogLines(file, opts.lines);
  if (!tail.exists && !opts.follow) {
    io.stderr.write(`no log yet at ${file}; is \`sso-supervisor run\` running with this state dir?\n`);
    return EXIT.failed;
  }
  for (const line of tail.lines) io.stdout.write(`${line}\n`);
  if (!opts.follow) return EXIT.ok;
  const controller = new AbortController();
  const stop = () => controller.abort();
  opts.signal?.addEventListener('abort', stop);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    for await (const line of followLog(file, { after: tail, signal: controller.signal }))
      io.stdout.write(`${line}\n`);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  return EXIT.ok;
}
