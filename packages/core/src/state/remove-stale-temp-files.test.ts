import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCacheWrite } from '../cache/write-cached-token';
import { removeStaleTempFiles } from './remove-stale-temp-files';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'remove-stale-temp-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const dead = () => spawnSync(process.execPath, ['-e', '']).pid;

async function touch(name: string, ageMinutes = 0): Promise<void> {
  const when = new Date(Date.now() - ageMinutes * 60_000);
  await writeFile(join(dir, name), '{}');
  await utimes(join(dir, name), when, when);
}

describe(removeStaleTempFiles.name, () => {
  it('removes temp files of dead writers and old ones, keeps young ones of live writers and other files', async () => {
    await touch(`.abc.json.${dead()}.0a1b2c3d.sso-supervisor.tmp`);
    await touch(`.old.json.${process.pid}.0a1b2c3d.sso-supervisor.tmp`, 11);
    await touch(`.young.json.${process.pid}.0a1b2c3d.sso-supervisor.tmp`, 1);
    await touch('.no-pid.sso-supervisor.tmp');
    await touch('abc.json', 60);
    await touch('.other.tmp', 60);
    await mkdir(join(dir, '.folder.1.ab.sso-supervisor.tmp'));

    const removed = await removeStaleTempFiles(dir);

    expect(removed.map((f) => f.slice(dir.length + 1)).sort()).toEqual([
      expect.stringMatching(/^\.abc\.json\.\d+\.0a1b2c3d\.sso-supervisor\.tmp$/),
      '.no-pid.sso-supervisor.tmp',
      `.old.json.${process.pid}.0a1b2c3d.sso-supervisor.tmp`,
    ]);
    expect((await readdir(dir)).sort()).toEqual([
      '.folder.1.ab.sso-supervisor.tmp',
      '.other.tmp',
      `.young.json.${process.pid}.0a1b2c3d.sso-supervisor.tmp`,
      'abc.json',
    ]);
  });

  it('recognises the names openCacheWrite gives, and leaves a write in progress alone', async () => {
    const pending = await openCacheWrite(join(dir, 'abc.json'));
    expect(await removeStaleTempFiles(dir)).toEqual([]);
    expect(await removeStaleTempFiles(dir, new Date(Date.now() + 11 * 60_000))).toHaveLength(1);
    await pending.abort();
  });

  it('returns nothing for a cache dir that does not exist', async () => {
    expect(await removeStaleTempFiles(join(dir, 'absent'))).toEqual([]);
  });
});
