import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleSession } from '../test-support/sample-session';
import { readRoleCache, renewalTime, roleCacheFile, writeRoleCache } from './role-cache';
import type { SsoProfile } from './resolve-session';

describe('role-cache-file', () => {
  const profile = (over: Partial<SsoProfile> = {}): SsoProfile => ({
    name: 'dev',
    session: sampleSession('/cache', 'corp'),
    accountId: '111111111111',
    roleName: 'Developer',
    ...over,
  });

  describe(roleCacheFile.name, () => {
    it('lives under role-credentials in the state dir, named by a SHA-256', () => {
      expect(roleCacheFile('/state', profile())).toMatch(/^\/state\/role-credentials\/[0-9a-f]{64}\.json$/);
    });

    it('is shared by profiles naming the same session, account and role', () => {
      expect(roleCacheFile('/s', profile({ name: 'other' }))).toBe(roleCacheFile('/s', profile()));
    });

    it.each([
      ['account', { accountId: '222222222222' }],
      ['role', { roleName: 'Admin' }],
      ['session', { session: sampleSession('/cache', 'other') }],
      [
        'start URL',
        { session: { ...sampleSession('/cache', 'corp'), startUrl: 'https://d-9.awsapps.com/start' } },
      ],
    ])('differs when the %s differs', (_what, over) => {
      expect(roleCacheFile('/s', profile(over))).not.toBe(roleCacheFile('/s', profile()));
    });
  });
});

describe('read-role-cache', () => {
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

    it('returns the credentials, and when to renew them, while more than the margin remains', async () => {
      await writeFile(file, JSON.stringify(entry));
      expect(await readRoleCache(file, new Date('2030-01-01T00:04:59Z'), MIN)).toStrictEqual({
        credentials: {
          accessKeyId: 'ASIAEXAMPLE',
          secretAccessKey: 'role-secret',
          sessionToken: 'role-session-token',
          expiration: new Date('2030-01-01T00:10:00.000Z'),
        },
        renewAt: new Date('2030-01-01T00:05:00Z'),
      });
    });

    it('is a miss once the margin is reached', async () => {
      await writeFile(file, JSON.stringify(entry));
      expect(await readRoleCache(file, new Date('2030-01-01T00:05:00Z'), MIN)).toBeNull();
    });

    it('renews credentials that live shorter than the margin halfway through their lifetime', async () => {
      // 10 minutes of life, a 20-minute margin: handed out for 5 minutes, not never.
      await writeFile(file, JSON.stringify({ ...entry, obtainedAt: '2030-01-01T00:00:00.000Z' }));
      const margin = 20 * 60_000;
      expect(await readRoleCache(file, new Date('2030-01-01T00:04:59Z'), margin)).not.toBeNull();
      expect(await readRoleCache(file, new Date('2030-01-01T00:05:00Z'), margin)).toBeNull();
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
});

describe('write-role-cache', () => {
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
  const obtainedAt = new Date('2029-12-31T23:00:00.000Z');

  describe(writeRoleCache.name, () => {
    let dir: string;
    beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'role-cache-'))));
    afterEach(() => rm(dir, { recursive: true, force: true }));

    it('writes an entry readRoleCache reads back, 0600 in a 0700 folder it creates', async () => {
      const file = join(dir, 'state', 'role-credentials', 'x.json');
      await writeRoleCache(file, profile, credentials, obtainedAt);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect((await stat(join(dir, 'state', 'role-credentials'))).mode & 0o777).toBe(0o700);
      expect(await readRoleCache(file, new Date('2029-12-31T23:00:00Z'), 0)).toStrictEqual({
        credentials,
        renewAt: credentials.expiration,
      });
      expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
        version: 1,
        session: 'corp',
        accountId: '111111111111',
        roleName: 'Developer',
        obtainedAt: '2029-12-31T23:00:00.000Z',
      });
    });

    it('replaces an older entry whole, makes it 0600, and leaves no temp file', async () => {
      const file = join(dir, 'x.json');
      await writeFile(file, 'old content that is longer than the new one would ever be'.repeat(20), {
        mode: 0o644,
      });
      await writeRoleCache(file, profile, credentials, obtainedAt);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect(JSON.parse(await readFile(file, 'utf8')).accessKeyId).toBe('ASIAEXAMPLE');
      expect(await readdir(dir)).toStrictEqual(['x.json']);
    });

    it('fails, leaving nothing behind, when the folder cannot be made', async () => {
      await writeFile(join(dir, 'blocker'), '');
      await expect(
        writeRoleCache(join(dir, 'blocker', 'x.json'), profile, credentials, obtainedAt),
      ).rejects.toThrow(/EEXIST|ENOTDIR/);
      expect(await readdir(dir)).toStrictEqual(['blocker']);
    });
  });
});

describe(renewalTime.name, () => {
  const expiration = new Date('2030-01-01T01:00:00Z');
  const minutesBefore = (at: Date) => (expiration.getTime() - at.getTime()) / 60_000;

  it.each([
    ['an hour of life: the margin', 60, 20, 20],
    ['a lifetime equal to the margin: half of it', 20, 20, 10],
    ['15 minutes of life: half of it', 15, 20, 7.5],
  ])('%s', (_case, lifetime, margin, expected) => {
    const obtainedAt = new Date(expiration.getTime() - lifetime * 60_000);
    expect(minutesBefore(renewalTime(expiration, obtainedAt, margin * 60_000))).toBe(expected);
  });

  it('takes the margin alone when the lifetime is unknown (an older entry)', () => {
    expect(minutesBefore(renewalTime(expiration, undefined, 20 * 60_000))).toBe(20);
  });
});
