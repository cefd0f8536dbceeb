import {
  chmod,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { permissionsEnforced } from '../test-support/permissions-enforced';
import { ConfigWriteRefused } from '../errors';
import { writeConfigFile } from './write-config-file';

const NOW = new Date('2026-12-01T23:45:07.123Z');

describe(writeConfigFile.name, () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cfg-'));
  });
  afterEach(async () => {
    await chmod(dir, 0o700).catch(() => {});
    await rm(dir, { recursive: true, force: true });
  });

  it('backs up, then replaces atomically keeping the mode', async () => {
    const file = join(dir, 'config');
    await writeFile(file, 'old\r\n', { mode: 0o640 });
    await chmod(file, 0o640);
    const result = await writeConfigFile(file, 'new\r\n', 'old\r\n', NOW);
    expect(result).toEqual({ backup: `${file}.bak-20261201T234507Z`, written: file });
    expect(await readFile(file, 'utf8')).toBe('new\r\n');
    expect(await readFile(result.backup, 'utf8')).toBe('old\r\n');
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    expect((await stat(result.backup)).mode & 0o777).toBe(0o640);
    const again = await writeConfigFile(file, 'newer', 'new\r\n', NOW);
    expect(again.backup).toBe(`${file}.bak-20261201T234507Z-2`);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes through a symlink: the target changes, the link stays, the backup sits beside the link', async () => {
    await mkdir(join(dir, 'dotfiles'));
    const target = join(dir, 'dotfiles', 'aws-config');
    await writeFile(target, 'old');
    const link = join(dir, 'config');
    await symlink(target, link);
    const result = await writeConfigFile(link, 'new', 'old', NOW);
    expect(result.written).toBe(target);
    expect(await readlink(link)).toBe(target);
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readFile(result.backup, 'utf8')).toBe('old');
    expect(result.backup.startsWith(`${link}.bak-`)).toBe(true);
  });

  it('refuses a read-only config, leaving it and writing no backup', async () => {
    const file = join(dir, 'config');
    await writeFile(file, 'old');
    await chmod(file, 0o444);
    await expect(writeConfigFile(file, 'new', 'old', NOW)).rejects.toThrow(ConfigWriteRefused);
    await expect(writeConfigFile(file, 'new', 'old', NOW)).rejects.toThrow(
      /is read-only \(mode 0444\); make it writable/,
    );
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['config']);
  });

  it('refuses when the file changed since it was read', async () => {
    const file = join(dir, 'config');
    await writeFile(file, 'edited meanwhile');
    await expect(writeConfigFile(file, 'new', 'old', NOW)).rejects.toThrow(/changed since it was read/);
    expect(await readdir(dir)).toEqual(['config']);
  });

  it('refuses a dangling symlink and a missing file clearly', async () => {
    await symlink(join(dir, 'nowhere'), join(dir, 'config'));
    await expect(writeConfigFile(join(dir, 'config'), 'x', '', NOW)).rejects.toThrow(
      /cannot be read \(ENOENT\)/,
    );
    await expect(writeConfigFile(join(dir, 'missing'), 'x', '', NOW)).rejects.toThrow(
      /cannot be read \(ENOENT\)/,
    );
  });

  it('says the file is unchanged when its folder is read-only', async () => {
    if (!(await permissionsEnforced(dir))) return; // root writes anyway
    const file = join(dir, 'config');
    await writeFile(file, 'old');
    await chmod(dir, 0o500);
    await expect(writeConfigFile(file, 'new', 'old', NOW)).rejects.toThrow(
      /cannot write the backup .*EACCES.*nothing was changed/,
    );
    expect(await readFile(file, 'utf8')).toBe('old');
  });
});
