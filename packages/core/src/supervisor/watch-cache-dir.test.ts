import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordingLogger } from '../testing/recording-logger';
import { watchCacheDir } from './watch-cache-dir';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5_000) throw new Error('condition not met within 5s');
    await pause(10);
  }
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sso-watch-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe(watchCacheDir.name, () => {
  it('reports the name of a file written in the folder, and nothing once closed', async () => {
    const seen: string[] = [];
    const close = watchCacheDir(dir, (name) => seen.push(name), new RecordingLogger());
    await writeFile(join(dir, 'abc.json'), '{}');
    await until(() => seen.includes('abc.json'));
    close();
    seen.length = 0;
    await writeFile(join(dir, 'def.json'), '{}');
    await pause(100);
    expect(seen).toEqual([]);
  });

  it('gives up quietly on a folder that cannot be watched', () => {
    const logger = new RecordingLogger();
    const close = watchCacheDir(join(dir, 'missing'), () => {}, logger);
    expect(() => close()).not.toThrow();
    expect(logger.lines).toEqual([
      expect.objectContaining({
        level: 'debug',
        message: 'cache folder not watched; relying on scheduled checks',
      }),
    ]);
  });
});
