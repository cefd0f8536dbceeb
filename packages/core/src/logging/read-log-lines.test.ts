import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLogLines } from './read-log-lines';

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
