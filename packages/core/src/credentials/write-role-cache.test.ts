import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleSession } from '../test-support/sample-session';
import { readRoleCache } from './read-role-cache';
import type { SsoProfile } from './resolve-session';
import { writeRoleCache } from './write-role-cache';

const profile: SsoProfile = {
  name: 'dev',
  session: sampleSession('/cache', 'corp'),
  accountId: '111111111111',
  roleName: 'Developer',
};
const credentials = {
  accessKeyId: 'ASIAEXAMPLE',
  secretAccessKey: 'role-secret',
  sessionToken: 'role-session-token',
  expiration: new Date('2030-01-01T00:00:00.000Z'),
};

describe(writeRoleCache.name, () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'role-cache-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes an entry readRoleCache reads back, 0600 in a 0700 folder it creates', async () => {
    const file = join(dir, 'state', 'role-credentials', 'x.json');
    await writeRoleCache(file, profile, credentials);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'state', 'role-credentials'))).mode & 0o777).toBe(0o700);
    expect(await readRoleCache(file, new Date('2029-01-01T00:00:00Z'), 0)).toStrictEqual(credentials);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      version: 1,
      session: 'corp',
      accountId: '111111111111',
      roleName: 'Developer',
    });
  });

  it('replaces an older entry whole, makes it 0600, and leaves no temp file', async () => {
    const file = join(dir, 'x.json');
    await writeFile(file, 'old content that is longer than the new one would ever be'.repeat(20), {
      mode: 0o644,
    });
    await writeRoleCache(file, profile, credentials);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8')).accessKeyId).toBe('ASIAEXAMPLE');
    expect(await readdir(dir)).toStrictEqual(['x.json']);
  });

  it('fails, leaving nothing behind, when the folder cannot be made', async () => {
    await writeFile(join(dir, 'blocker'), '');
    await expect(writeRoleCache(join(dir, 'blocker', 'x.json'), profile, credentials)).rejects.toThrow(
      /EEXIST|ENOTDIR/,
    );
    expect(await readdir(dir)).toStrictEqual(['blocker']);
  });
});
