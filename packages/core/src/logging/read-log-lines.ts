import { open } from 'node:fs/promises';

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
