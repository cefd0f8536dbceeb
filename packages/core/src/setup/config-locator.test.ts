import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configLocator, pathSegments } from './config-locator';

describe('config-locator', () => {
  it('splits a config path as formatPath writes it', () => {
    expect(pathSegments('notifiers[2].options.url')).toEqual(['notifiers', 2, 'options', 'url']);
    expect(pathSegments('sessions[0]["odd key"]')).toEqual(['sessions', 0, 'odd key']);
  });

  it('places an issue at the value it names, and leaves it unplaced without a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'config-locator-'));
    try {
      const file = join(dir, 'supervisor.yaml');
      await writeFile(file, 'version: 1\nexports:\n  - profile: dev\n    path: ./out\n');
      const place = await configLocator(file);
      expect(place('exports[0].path', 'is a folder')).toEqual({
        file,
        line: 4,
        col: 11,
        path: 'exports[0].path',
        message: 'is a folder',
      });
      expect((await configLocator(null))('reauth.mode', 'x')).toEqual({
        file: null,
        path: 'reauth.mode',
        message: 'x',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
