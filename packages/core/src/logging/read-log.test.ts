import { mkdtemp, rm, stat, writeFile, appendFile, readdir, rename, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLogLines, followLog } from './read-log';
import { PassThrough } from 'node:stream';
import { closeLogger, createLogger } from './create-logger';
import { SecretRegistry } from './redaction';

describe('read-log-lines', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'read-log-lines-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  describe(readLogLines.name, () => {
    it('returns the last N complete lines and where they end', async () => {
      const file = join(dir, 'supervisor.log');
      await writeFile(file, 'one\ntwo\nthree\r\nfour\nhalf-writ');
      const tail = await readLogLines(file, 2);
      expect(tail).toEqual({ lines: ['three', 'four'], end: 20, ino: (await stat(file)).ino, exists: true });
    });

    it('returns every line when the file has fewer than N, and none for N = 0', async () => {
      const file = join(dir, 'supervisor.log');
      await writeFile(file, 'one\ntwo\n');
      expect((await readLogLines(file, 10)).lines).toEqual(['one', 'two']);
      expect(await readLogLines(file, 0)).toMatchObject({ lines: [], end: 8 });
    });

    it('finds lines across chunk boundaries in a large file, multi-byte text intact', async () => {
      const file = join(dir, 'supervisor.log');
      const lines = Array.from({ length: 5000 }, (_, i) => `line ${i} ${'é'.repeat(i % 50)}`);
      await writeFile(file, lines.join('\n') + '\n');
      expect((await readLogLines(file, 1500)).lines).toEqual(lines.slice(-1500));
      expect((await readLogLines(file, 5000)).lines).toEqual(lines);
    });

    it('says so when there is no file yet', async () => {
      expect(await readLogLines(join(dir, 'none.log'), 5)).toEqual({
        lines: [],
        end: 0,
        ino: 0,
        exists: false,
      });
    });

    it('returns nothing for an empty file or one without a finished line', async () => {
      const file = join(dir, 'supervisor.log');
      await writeFile(file, '');
      expect(await readLogLines(file, 5)).toMatchObject({ lines: [], end: 0, exists: true });
      await writeFile(file, 'partial');
      expect(await readLogLines(file, 5)).toMatchObject({ lines: [], end: 0, exists: true });
    });
  });
});

describe('follow-log', () => {
  let dir: string;
  let file: string;
  let controller: AbortController;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'follow-log-'));
    file = join(dir, 'supervisor.log');
    controller = new AbortController();
  });
  afterEach(async () => {
    controller.abort();
    await rm(dir, { recursive: true, force: true });
  });

  /** Pulls lines from the follower in the background; `next(n)` waits until n more have come. */
  function follower(after?: { end: number; ino: number }) {
    const lines: string[] = [];
    const iterator = followLog(file, { after, signal: controller.signal, intervalMs: 10 });
    const done = (async () => {
      for await (const line of iterator) lines.push(line);
    })();
    let taken = 0;
    return {
      done,
      async next(count: number): Promise<string[]> {
        const deadline = Date.now() + 5000;
        while (lines.length < taken + count && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 5));
        const out = lines.slice(taken, taken + count);
        taken += count;
        return out;
      },
    };
  }

  describe(followLog.name, () => {
    it('yields lines appended after the tail that readLogLines showed, joining split writes', async () => {
      await writeFile(file, 'old 1\nold 2\n');
      const follow = follower(await readLogLines(file, 1));
      await appendFile(file, 'new 1\nnew');
      await new Promise((r) => setTimeout(r, 50));
      await appendFile(file, ' 2\n');
      expect(await follow.next(2)).toEqual(['new 1', 'new 2']);
    });

    it('reads a renamed file to its end, then the new file from its start', async () => {
      await writeFile(file, '');
      const follow = follower(await readLogLines(file, 10));
      await appendFile(file, 'before\n');
      expect(await follow.next(1)).toEqual(['before']);
      await appendFile(file, 'last of old\n');
      await rename(file, join(dir, 'supervisor1.log'));
      await new Promise((r) => setTimeout(r, 50));
      await writeFile(file, 'first of new\n');
      expect(await follow.next(2)).toEqual(['last of old', 'first of new']);
    });

    it('starts again from the top of a file truncated in place', async () => {
      await writeFile(file, 'a long line that will be cut away\n');
      const follow = follower(await readLogLines(file, 10));
      await truncate(file, 0);
      await new Promise((r) => setTimeout(r, 50));
      await appendFile(file, 'after truncation\n');
      expect(await follow.next(1)).toEqual(['after truncation']);
    });

    it('waits for a file that does not exist yet, and reads a file rotated since the tail whole', async () => {
      const follow = follower(await readLogLines(file, 10));
      await new Promise((r) => setTimeout(r, 30));
      await writeFile(file, 'created\n');
      expect(await follow.next(1)).toEqual(['created']);

      const tail = await readLogLines(file, 10);
      await rename(file, join(dir, 'supervisor1.log'));
      await writeFile(file, 'rotated in between\n');
      expect(await follower(tail).next(1)).toEqual(['rotated in between']);
    });

    it('stops when the signal aborts', async () => {
      await writeFile(file, '');
      const follow = follower();
      controller.abort();
      await expect(follow.done).resolves.toBeUndefined();
    });

    it('loses no line while winston rotates the file under it', async () => {
      const logger = createLogger({
        level: 'info',
        file,
        maxSize: 64 * 1024,
        maxFiles: 3,
        console: new PassThrough(),
        env: {},
        secrets: new SecretRegistry(),
      });
      const follow = follower({ end: 0, ino: 0 });
      const filler = 'x'.repeat(1000);
      for (let i = 0; i < 200; i++) {
        logger.info('line', { i, filler });
        await new Promise((r) => setTimeout(r, 1));
      }
      const seen = (await follow.next(200)).map((line) => JSON.parse(line).i);
      await closeLogger(logger);
      expect(await readdir(dir)).toContain('supervisor2.log');
      expect(seen).toEqual(Array.from({ length: 200 }, (_, i) => i));
    });
  });
});
