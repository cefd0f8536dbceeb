import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRoleCache } from './read-role-cache';

const entry = {
  version: 1,
  session: 'corp',
  accountId: '111111111111',
  roleName: 'Developer',
  accessKeyId: 'ASIAEXAMPLE',
  secretAccessKey: 'role-secret',
  sessionToken: 'role-session-token',
  expiration: '2030-01-01T00:10:00.000Z',
};
const MIN = 5 * 60_000;

describe(readRoleCache.name, () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'role-read-'));
    file = join(dir, 'entry.json');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('returns the credentials while more than the margin remains', async () => {
    await writeFile(file, JSON.stringify(entry));
    expect(await readRoleCache(file, new Date('2030-01-01T00:04:59Z'), MIN)).toStrictEqual({
      accessKeyId: 'ASIAEXAMPLE',
      secretAccessKey: 'role-secret',
      sessionToken: 'role-session-token',
      expiration: new Date('2030-01-01T00:10:00.000Z'),
    });
  });

  it('is a miss once the margin is reached', async () => {
    await writeFile(file, JSON.stringify(entry));
    expect(await readRoleCache(file, new Date('2030-01-01T00:05:00Z'), MIN)).toBeNull();
  });

  it.each([
    ['no file', null],
    ['truncated JSON', JSON.stringify(entry).slice(0, 40)],
    ['another version', JSON.stringify({ ...entry, version: 2 })],
    ['an empty secret', JSON.stringify({ ...entry, secretAccessKey: '' })],
    ['a bad timestamp', JSON.stringify({ ...entry, expiration: 'soon' })],
  ])('is a miss, not an error, for %s', async (_what, content) => {
    if (content !== null) await writeFile(file, content);
    expect(await readRoleCache(file, new Date('2030-01-01T00:00:00Z'), MIN)).toBeNull();
  });
});
