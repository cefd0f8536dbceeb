import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForChange } from './wait-for-change';

describe(waitForChange.name, () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sso-wait-'));
    file = join(dir, 'corp.json');
    await writeFile(file, '{"old":1}');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('says true when a writer renames a new file into place within the window', async () => {
    setTimeout(
      () => void writeFile(join(dir, 'next'), '{"new":1}').then(() => rename(join(dir, 'next'), file)),
      300,
    );
    expect(await waitForChange(file, '{"old":1}', 3000)).toBe(true);
  });

  it('says true when the file is rewritten in place', async () => {
    setTimeout(() => void writeFile(file, '{"new":2}'), 300);
    expect(await waitForChange(file, '{"old":1}', 3000)).toBe(true);
  });

  it('says false when nothing changed by the end of the window', async () => {
    expect(await waitForChange(file, '{"old":1}', 300)).toBe(false);
  });

  it('says true at once when the file already differs, or is gone', async () => {
    expect(await waitForChange(file, '{"other":1}', 60_000)).toBe(true);
    expect(await waitForChange(join(dir, 'gone.json'), '{"old":1}', 60_000)).toBe(true);
  });
});
