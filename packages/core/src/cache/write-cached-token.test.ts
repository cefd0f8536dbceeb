import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CacheFileError } from '../errors';
import { permissionsEnforced } from '../test-support/permissions-enforced';
import { sampleToken } from '../test-support/sample-token';
import { formatCachedToken } from './cached-token';
import { openCacheWrite, writeCachedToken } from './write-cached-token';

const token = sampleToken(new Date('2026-11-22T10:00:00Z'));
const newer = '{"accessToken": "written-by-aws-cli", "expiresAt": "2026-11-22T18:00:00Z"}\n';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sso-write-'));
});
afterEach(async () => {
  await chmod(dir, 0o700);
  await rm(dir, { recursive: true, force: true });
});

const mode = async (path: string) => (await stat(path)).mode & 0o777;

describe(writeCachedToken.name, () => {
  it('writes the botocore form with mode 0600, creating missing folders 0700', async () => {
    const file = join(dir, 'sso', 'cache', 'abc.json');
    await expect(writeCachedToken(file, token, null)).resolves.toEqual({ written: true });
    expect(await readFile(file, 'utf8')).toBe(formatCachedToken(token));
    expect(await mode(file)).toBe(0o600);
    expect(await mode(join(dir, 'sso'))).toBe(0o700);
    expect(await mode(join(dir, 'sso', 'cache'))).toBe(0o700);
    expect(await readdir(join(dir, 'sso', 'cache'))).toEqual(['abc.json']);
  });

  it('replaces a file that still holds what was expected, leaving it 0600 and an existing folder as it was', async () => {
    const file = join(dir, 'abc.json');
    await chmod(dir, 0o755);
    await writeFile(file, 'old content', { mode: 0o644 });
    await expect(writeCachedToken(file, token, 'old content')).resolves.toEqual({ written: true });
    expect(await readFile(file, 'utf8')).toBe(formatCachedToken(token));
    expect(await mode(file)).toBe(0o600);
    expect(await mode(dir)).toBe(0o755);
  });

  it('writes nothing when the file is not what was expected', async () => {
    const file = join(dir, 'abc.json');
    await writeFile(file, newer);
    await expect(writeCachedToken(file, token, null)).resolves.toEqual({ written: false, reason: 'changed' });
    expect(await readFile(file, 'utf8')).toBe(newer);
    expect(await readdir(dir)).toEqual(['abc.json']);
  });

  it('fails with a CacheFileError naming the file when the folder cannot be written', async () => {
    let file: string;
    let code: string;
    if (await permissionsEnforced(dir)) {
      await chmod(dir, 0o500);
      file = join(dir, 'abc.json');
      code = 'EACCES';
    } else {
      // Running as root: mode bits do not stop us, a regular file where a folder should be does.
      await writeFile(join(dir, 'not-a-folder'), '');
      file = join(dir, 'not-a-folder', 'cache', 'abc.json');
      code = 'ENOTDIR';
    }
    const error = await writeCachedToken(file, token, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CacheFileError);
    expect(error).toMatchObject({ file, retryable: false });
    expect((error as Error).message).toBe(
      `${file}: cannot be written (${code}); the old token is left as it was`,
    );
  });
});

describe(openCacheWrite.name, () => {
  it('opens a 0600 temp file beside the target and leaves none after commit', async () => {
    const file = join(dir, 'abc.json');
    const pending = await openCacheWrite(file);
    const [temp] = await readdir(dir);
    expect(temp).toMatch(/^\.abc\.json\.\d+\.[0-9a-f]{8}\.sso-supervisor\.tmp$/);
    expect(await mode(join(dir, temp))).toBe(0o600);
    await expect(pending.commit(token, null)).resolves.toEqual({ written: true });
    expect(await readdir(dir)).toEqual(['abc.json']);
  });

  it('takes room for the token when it opens, so a full disk fails before anything is spent', async () => {
    const file = join(dir, 'abc.json');
    const pending = await openCacheWrite(file);
    const [temp] = await readdir(dir);
    expect((await stat(join(dir, temp))).size).toBeGreaterThanOrEqual(4096);
    await pending.abort();
  });

  it('removes the temp file on abort and leaves the target untouched', async () => {
    const file = join(dir, 'abc.json');
    await writeFile(file, 'old content');
    const pending = await openCacheWrite(file);
    await pending.abort();
    expect(await readdir(dir)).toEqual(['abc.json']);
    expect(await readFile(file, 'utf8')).toBe('old content');
  });

  it('lets a token written by another tool after the open win, byte for byte', async () => {
    const file = join(dir, 'abc.json');
    await writeFile(file, 'old content');
    const pending = await openCacheWrite(file);
    // The other tool writes the way newer botocore does: its own temp file, then a rename.
    await writeFile(join(dir, 'botocore.tmp'), newer);
    await rename(join(dir, 'botocore.tmp'), file);
    await expect(pending.commit(token, 'old content')).resolves.toEqual({
      written: false,
      reason: 'changed',
    });
    expect(await readFile(file, 'utf8')).toBe(newer);
    expect(await readdir(dir)).toEqual(['abc.json']);
  });

  it('lets a file created by a login after the open win', async () => {
    const file = join(dir, 'abc.json');
    const pending = await openCacheWrite(file);
    await writeFile(file, newer);
    await expect(pending.commit(token, null)).resolves.toEqual({ written: false, reason: 'changed' });
    expect(await readFile(file, 'utf8')).toBe(newer);
  });

  it('fails with a retryable CacheFileError when the folder vanishes before the commit', async () => {
    const cacheDir = join(dir, 'cache');
    const file = join(cacheDir, 'abc.json');
    const pending = await openCacheWrite(file);
    await rm(cacheDir, { recursive: true });
    const error = await pending.commit(token, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CacheFileError);
    expect(error).toMatchObject({ file, retryable: true });
    expect((error as Error).message).toBe(
      `${file}: cannot be written (ENOENT); the old token is left as it was`,
    );
  });

  it('fails with a CacheFileError and removes its temp file when the target became a folder', async () => {
    const file = join(dir, 'abc.json');
    const pending = await openCacheWrite(file);
    await mkdir(file);
    const error = await pending.commit(token, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CacheFileError);
    expect(error).toMatchObject({ file, retryable: false });
    expect(await readdir(dir)).toEqual(['abc.json']);
  });
});
