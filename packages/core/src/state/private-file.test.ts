import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replacePrivateFile } from './private-file';

describe(replacePrivateFile.name, () => {
  it('writes a 0600 file in a 0700 folder it creates, and leaves no temp file', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'private-file-')), 'state');
    await replacePrivateFile(dir, 'x.json', '{"a":1}\n', { sync: true });
    expect(await readFile(join(dir, 'x.json'), 'utf8')).toBe('{"a":1}\n');
    expect((await stat(join(dir, 'x.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect(await readdir(dir)).toEqual(['x.json']);
  });

  it('replaces the old content whole', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'private-file-'));
    await writeFile(join(dir, 'x.json'), 'old and longer\n');
    await replacePrivateFile(dir, 'x.json', 'new\n', { sync: false });
    expect(await readFile(join(dir, 'x.json'), 'utf8')).toBe('new\n');
  });

  it('cleans up its temp file when the rename fails, and says why', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'private-file-'));
    await mkdir(join(dir, 'x.json')); // a folder in the way: rename cannot replace it
    await expect(replacePrivateFile(dir, 'x.json', 'new\n', { sync: false })).rejects.toThrow(/EISDIR/);
    expect(await readdir(dir)).toEqual(['x.json']);
  });
});
