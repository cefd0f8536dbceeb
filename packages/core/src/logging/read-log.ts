import { open, stat, type FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

const CHUNK = 64 * 1024;
const NEWLINE = 0x0a;

export interface LogTail {
  /** The last complete lines, oldest first; a line still being written is left for `followLog`. */
  lines: string[];
  /** Byte offset just past the last complete line. */
  end: number;
  /** Inode of the file read, so `followLog` can tell whether it was rotated in between. */
  ino: number;
  exists: boolean;
}

/** The last `count` lines of a log file, read backwards from its end so a large log costs only what is shown. */
export async function readLogLines(file: string, count: number): Promise<LogTail> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { lines: [], end: 0, ino: 0, exists: false };
    throw error;
  }
  try {
    const { size, ino } = await handle.stat();
    const chunks: Buffer[] = [];
    let position = size;
    let end = -1;
    let newlines = 0;
    let start = 0;
    // Walk back until the newline before the first wanted line is found (or the file's start).
    scan: while (position > 0) {
      const length = Math.min(CHUNK, position);
      position -= length;
      const chunk = Buffer.alloc(length);
      await handle.read(chunk, 0, length, position);
      chunks.unshift(chunk);
      for (let i = length - 1; i >= 0; i--) {
        if (chunk[i] !== NEWLINE) continue;
        if (end < 0) {
          end = position + i + 1;
          if (count <= 0) break scan;
        } else if (++newlines === count) {
          start = position + i + 1;
          break scan;
        }
      }
    }
    if (end < 0 || count <= 0) return { lines: [], end: Math.max(end, 0), ino, exists: true };
    const text = Buffer.concat(chunks)
      .subarray(start - position, end - position)
      .toString('utf8');
    const lines = text.split('\n').slice(0, -1);
    return { lines: lines.map((line) => line.replace(/\r$/, '')), end, ino, exists: true };
  } finally {
    await handle.close();
  }
}

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
