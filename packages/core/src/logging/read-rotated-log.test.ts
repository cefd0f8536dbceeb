import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { closeLogger, createLogger } from './create-logger';
import { readLogTail, rotatedLogName } from './read-rotated-log';
import { SecretRegistry } from './redaction';

describe('read-rotated-log', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'read-rotated-log-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names rotated files as winston does', () => {
    expect(rotatedLogName('/s/supervisor.log', 2)).toBe('/s/supervisor2.log');
  });

  it('takes the older lines from the rotated files, oldest first, and stops at a missing one', async () => {
    const file = join(dir, 'supervisor.log');
    await writeFile(file, 'e\nf\n');
    await writeFile(rotatedLogName(file, 1), 'c\nd\n');
    await writeFile(rotatedLogName(file, 3), 'never\n');
    expect((await readLogTail(file, 3)).lines).toEqual(['d', 'e', 'f']);
    expect((await readLogTail(file, 10)).lines).toEqual(['c', 'd', 'e', 'f']);
    expect(await readLogTail(file, 1)).toMatchObject({ lines: ['f'], end: 4, exists: true });
  });

  it('returns every line winston wrote across its rotations, in order', async () => {
    const file = join(dir, 'supervisor.log');
    const logger = createLogger({
      level: 'info',
      file,
      maxSize: 64 * 1024,
      maxFiles: 4,
      console: new PassThrough(),
      env: {},
      secrets: new SecretRegistry(),
    });
    const filler = 'x'.repeat(1000);
    for (let i = 0; i < 150; i++) {
      logger.info('line', { i, filler });
      await new Promise((r) => setTimeout(r, 1));
    }
    await closeLogger(logger);
    expect(await readdir(dir)).toContain('supervisor1.log');
    const { lines } = await readLogTail(file, 150);
    expect(lines.map((line) => JSON.parse(line).i)).toEqual(Array.from({ length: 150 }, (_, i) => i));
  });
});
