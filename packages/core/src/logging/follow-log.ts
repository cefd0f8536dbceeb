import { open, stat, type FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LogTail } from './read-log-lines';

export interface FollowOptions {
  /** Where `readLogLines` stopped. Without it, following starts at the file's current end. */
  after?: Pick<LogTail, 'end' | 'ino'>;
  /** Ends the iteration (so does leaving a `for await` loop). */
  signal?: AbortSignal;
  intervalMs?: number;
}

/**
 * Lines appended to a log file, as they come, for `logs -f`. Survives rotation: when the name points at a new
 * file (winston renamed the old one away), the old one is read to its end first and then the new one from its
 * start; a file truncated in place is read again from its start. Polls, because change notification does not
 * follow a name across a rename on every platform.
 */
export async function* followLog(
  file: string,
  opts: FollowOptions = {},
): AsyncGenerator<string, void, undefined> {
  const { signal, intervalMs = 250 } = opts;
  let current: { handle: FileHandle; ino: number; position: number; partial: Buffer } | null = null;
  let first = true;
  try {
    while (!signal?.aborted) {
      if (!current) {
        const handle = await open(file, 'r').catch(() => null);
        if (handle) {
          const { ino, size } = await handle.stat();
          current = {
            handle,
            ino,
            position: first ? startAt(opts.after, ino, size) : 0,
            partial: Buffer.alloc(0),
          };
        }
        first = false;
      }
      if (current) {
        yield* readAppended(current);
        const named = await stat(file).catch(() => null);
        if (named?.ino !== current.ino) {
          // Rotated: whatever was written before the rename is still in the old file.
          yield* readAppended(current);
          if (current.partial.length) yield text(current.partial);
          await current.handle.close();
          current = null;
          continue;
        }
      }
      await sleep(intervalMs, undefined, { signal }).catch(() => undefined);
    }
  } finally {
    await current?.handle.close();
  }
}

function startAt(after: FollowOptions['after'], ino: number, size: number): number {
  if (!after) return size;
  // Another inode, or a shorter file: rotated or truncated since readLogLines, so all of it is new.
  return after.ino === ino && after.end <= size ? after.end : 0;
}

async function* readAppended(state: { handle: FileHandle; position: number; partial: Buffer }) {
  const { size } = await state.handle.stat();
  if (size < state.position) {
    state.position = 0;
    state.partial = Buffer.alloc(0);
  }
  while (state.position < size) {
    const chunk = Buffer.alloc(Math.min(64 * 1024, size - state.position));
    const { bytesRead } = await state.handle.read(chunk, 0, chunk.length, state.position);
    if (bytesRead === 0) break;
    state.position += bytesRead;
    let data = Buffer.concat([state.partial, chunk.subarray(0, bytesRead)]);
    for (let nl = data.indexOf(0x0a); nl >= 0; nl = data.indexOf(0x0a)) {
      yield text(data.subarray(0, nl));
      data = data.subarray(nl + 1);
    }
    state.partial = Buffer.from(data);
  }
}

function text(line: Buffer): string {
  return line.toString('utf8').replace(/\r$/, '');
}
