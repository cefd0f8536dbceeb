import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readCachedToken } from './read-cached-token';

const TOKEN = (n: number) =>
  JSON.stringify({ accessToken: `a${n}`, expiresAt: '2026-11-22T10:00:00Z', region: 'us-east-1' });

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sso-read-inplace-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('reading a file another process rewrites in place', () => {
  it('never calls it broken while a writer truncates and rewrites it every 2 ms', async () => {
    const file = join(dir, 'corp.json');
    await writeFile(file, TOKEN(0));
    // As botocore's json.dump and the AWS CLI write: open with O_TRUNC, then the text in pieces.
    const writer = spawn(process.execPath, [
      '-e',
      `const fs = require('fs'); let n = 0;
       setInterval(() => {
         const text = JSON.stringify({accessToken: 'a' + ++n, expiresAt: '2026-11-22T10:00:00Z',
           region: 'us-east-1', clientSecret: 'x'.repeat(4000)});
         const fd = fs.openSync(${JSON.stringify(file)}, 'w');
         for (let i = 0; i < text.length; i += 500) fs.writeSync(fd, text.slice(i, i + 500));
         fs.closeSync(fd);
       }, 2);`,
    ]);
    try {
      await sleep(200);
      const results = [];
      for (let i = 0; i < 100; i++, await sleep(3)) results.push(await readCachedToken(file));
      expect(results.filter((r) => r.status !== 'ok')).toEqual([]);
    } finally {
      writer.kill();
    }
  });

  it('waits for a half-written file to be finished, and calls one that stays half-written broken', async () => {
    const file = join(dir, 'corp.json');
    await writeFile(file, '');
    setTimeout(() => void writeFile(file, TOKEN(1)), 300);
    expect(await readCachedToken(file)).toMatchObject({ status: 'ok', token: { accessToken: 'a1' } });
    await writeFile(file, '{"accessTo');
    expect(await readCachedToken(file, 100)).toMatchObject({ status: 'invalid' });
  });
});
