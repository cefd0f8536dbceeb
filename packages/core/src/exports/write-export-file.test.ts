import {
  chmod,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { permissionsEnforced } from '../test-support/permissions-enforced';
import { writeExportFile } from './write-export-file';

const append = (line: string) => (current: string | null) => ({
  ok: true as const,
  text: `${current ?? ''}${line}\n`,
});

describe(writeExportFile.name, () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'export-write-'));
    file = join(dir, '.env.local');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('creates a missing file 0600 and leaves no temp file behind', async () => {
    expect(await writeExportFile(file, append('A=1'))).toEqual({ status: 'written' });
    expect(await readFile(file, 'utf8')).toBe('A=1\n');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['.env.local']);
  });

  it('merges into what the file holds and tightens it to 0600, since it now holds secrets', async () => {
    await writeFile(file, 'KEEP=me\r\n', { mode: 0o644 });
    await chmod(file, 0o644);
    expect(await writeExportFile(file, append('A=1'))).toEqual({ status: 'written' });
    expect(await readFile(file, 'utf8')).toBe('KEEP=me\r\nA=1\n');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('does not rewrite a file the merge leaves as it is', async () => {
    await writeFile(file, 'A=1\n');
    const before = await stat(file);
    await new Promise((r) => setTimeout(r, 20));
    expect(await writeExportFile(file, (text) => ({ ok: true, text: text! }))).toEqual({
      status: 'unchanged',
    });
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
  });

  it('leaves the file untouched when the merge refuses it', async () => {
    await writeFile(file, 'not ours\n');
    const outcome = await writeExportFile(file, () => ({ ok: false, problem: 'line 1 is odd' }));
    expect(outcome).toEqual({ status: 'refused', problem: 'line 1 is odd' });
    expect(await readFile(file, 'utf8')).toBe('not ours\n');
    expect(await readdir(dir)).toEqual(['.env.local']);
  });

  it.each([
    ['text that is not UTF-8', Buffer.from([0x41, 0x3d, 0xe9, 0x0a]), 'it is not UTF-8 text'],
    ['binary content', Buffer.from([0x41, 0x00, 0x42]), 'it is not UTF-8 text'],
  ])('refuses %s rather than change bytes it cannot give back', async (_what, bytes, problem) => {
    await writeFile(file, bytes);
    expect(await writeExportFile(file, append('A=1'))).toEqual({ status: 'refused', problem });
    expect(await readFile(file)).toEqual(bytes);
  });

  it('refuses a path that is a folder', async () => {
    await mkdir(file);
    expect(await writeExportFile(file, append('A=1'))).toEqual({
      status: 'refused',
      problem: 'it is not a regular file',
    });
  });

  it('merges again when someone edits the file between its read and our rename, keeping their edit', async () => {
    await writeFile(file, 'A=1\n');
    let calls = 0;
    const outcome = await writeExportFile(file, (current) => {
      if (++calls === 1) void writeFile(file, 'A=1\nEDIT=theirs\n');
      return { ok: true, text: `${current}OURS=1\n` };
    });
    expect(outcome).toEqual({ status: 'written' });
    expect(await readFile(file, 'utf8')).toBe('A=1\nEDIT=theirs\nOURS=1\n');
    expect(await readdir(dir)).toEqual(['.env.local']);
  });

  it('gives up, leaving the file to the other writer, when it keeps changing', async () => {
    await writeFile(file, '0\n');
    let n = 0;
    const outcome = await writeExportFile(file, (current) => {
      void writeFile(file, `${++n}\n`);
      return { ok: true, text: `${current}OURS=1\n` };
    });
    expect(outcome).toEqual({
      status: 'failed',
      problem: 'it kept changing while we wrote it (3 times); will try again',
    });
    expect(await readFile(file, 'utf8')).not.toContain('OURS');
    expect(await readdir(dir)).toEqual(['.env.local']);
  });

  it('says so when the folder does not exist', async () => {
    expect(await writeExportFile(join(dir, 'missing', '.env'), append('A=1'))).toEqual({
      status: 'failed',
      problem: 'cannot write it (its folder does not exist)',
    });
  });

  it('replaces the file a symlink points at and keeps the link', async () => {
    await mkdir(join(dir, 'dotfiles'));
    const real = join(dir, 'dotfiles', 'credentials');
    await writeFile(real, 'KEEP=me\n');
    await symlink(real, file);
    expect(await writeExportFile(file, append('A=1'))).toEqual({ status: 'written' });
    expect((await lstat(file)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, 'utf8')).toBe('KEEP=me\nA=1\n');
  });

  it('says why when it cannot get at the file, and leaves it as it was', async () => {
    await writeFile(file, 'KEEP=me\n');
    if (await permissionsEnforced(dir)) {
      await chmod(dir, 0o500);
      const outcome = await writeExportFile(file, append('A=1'));
      await chmod(dir, 0o700);
      expect(outcome).toEqual({ status: 'failed', problem: 'cannot write it (permission denied)' });
      expect(await readFile(file, 'utf8')).toBe('KEEP=me\n');
    } else {
      // Running as root: mode bits do not stop us, a regular file where a folder should be does.
      const outcome = await writeExportFile(join(file, 'inside'), append('A=1'));
      expect(outcome).toEqual({ status: 'failed', problem: 'cannot read it (ENOTDIR)' });
    }
  });
});
