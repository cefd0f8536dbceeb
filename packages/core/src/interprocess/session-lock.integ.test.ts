import { once } from 'node:events';
import { chmod, chown, lstat, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compileInterprocess,
  finished,
  firstLine,
  isRoot,
  node,
  NOBODY,
} from '../test-support/interprocess-children';
import { acquireSessionLock } from './session-lock';

// Each child plays a credential_process call on a due session: under the lock it re-reads the "cache",
// calls "CreateToken" (appends to calls.log) only if no token is there yet, and logs enter/exit lines.
const RACER = `
const fs = require('node:fs');
const { withSessionLock } = require('./session-lock.js');
const [locks, work] = process.argv.slice(1);
withSessionLock(locks, 'due-session', async (lock) => {
  if (!lock.locked) throw new Error(lock.reason);
  fs.appendFileSync(work + '/critical.log', 'enter ' + process.pid + '\\n');
  let token;
  try { token = fs.readFileSync(work + '/cache.json', 'utf8'); } catch {}
  if (!token) {
    fs.appendFileSync(work + '/calls.log', process.pid + '\\n');
    await new Promise((r) => setTimeout(r, 20));
    fs.writeFileSync(work + '/cache.json', 'token-from-' + process.pid);
    token = 'token-from-' + process.pid;
  }
  await new Promise((r) => setTimeout(r, Math.random() * 3));
  fs.appendFileSync(work + '/critical.log', 'exit ' + process.pid + '\\n');
  return token;
}, { waitMs: 110000 }).then((token) => console.log(token), (e) => { console.error(e); process.exit(1); });
`;

const HOLDER = `
require('./session-lock.js').acquireSessionLock(process.argv[1], 'due-session').then((lock) => {
  console.log(lock.locked ? 'held' : lock.reason + ': ' + lock.message);
  setInterval(() => {}, 1000);
});
`;

let code: string;
let dir: string;
beforeAll(async () => {
  code = await compileInterprocess();
});
afterAll(() => rm(code, { recursive: true, force: true }));
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'session-lock-integ-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function race(count: number): Promise<void> {
  const locks = join(dir, 'state', 'locks');
  const children = Array.from({ length: count }, () => node(code, RACER, [locks, dir]));
  const results = await Promise.all(children.map(finished));
  expect(results.map((r) => r.code)).toEqual(Array(count).fill(0));
  const calls = (await readFile(join(dir, 'calls.log'), 'utf8')).trim().split('\n');
  expect(calls).toHaveLength(1);
  // Every process ends up with the one winner's token.
  expect(new Set(results.map((r) => r.stdout.trim()))).toEqual(new Set([`token-from-${calls[0]}`]));
  const lines = (await readFile(join(dir, 'critical.log'), 'utf8')).trim().split('\n');
  expect(lines).toHaveLength(2 * count);
  for (let i = 0; i < lines.length; i += 2) {
    const pid = lines[i].split(' ')[1];
    expect([lines[i], lines[i + 1]]).toEqual([`enter ${pid}`, `exit ${pid}`]);
  }
  expect(new Set(lines.map((l) => l.split(' ')[1])).size).toBe(count);
}

describe('withSessionLock across processes', () => {
  it(
    'lets 8 racing processes in one at a time, and only the first calls CreateToken',
    () => race(8),
    120_000,
  );

  it('does the same for 64 racing processes', () => race(64), 240_000);

  it('takes over the lock of a holder killed with SIGKILL', async () => {
    const locks = join(dir, 'locks');
    const holder = node(code, HOLDER, [locks]);
    expect(await firstLine(holder)).toBe('held');
    const lock = await acquireSessionLock(locks, 'due-session', {
      waitMs: 60_000,
      // maxAge far off: only the holder's death may free the lock.
      maxAgeMs: 3_600_000,
      onWait: () => holder.kill('SIGKILL'),
    });
    if (holder.exitCode === null && holder.signalCode === null) await once(holder, 'exit');
    expect(lock).toMatchObject({
      locked: true,
      waited: true,
      tookOver: { reason: 'pid-gone', holder: { pid: holder.pid } },
    });
    if (lock.locked) await lock.release();
  }, 60_000);

  (isRoot ? it : it.skip)(
    'says unlocked, naming the file, when the lock folder is not writable',
    async () => {
      // Root ignores mode bits, so the child runs as nobody against a folder nobody owns but may not write.
      await chmod(dir, 0o755);
      const locks = join(dir, 'locks');
      await mkdir(locks, { mode: 0o500 });
      await chown(locks, NOBODY, NOBODY);
      const child = node(code, HOLDER, [locks], { uid: NOBODY, gid: NOBODY });
      const line = await firstLine(child);
      child.kill();
      expect(line).toMatch(/^unwritable: cannot create lock file .*locks\/due-session\.lock \(EACCES\)$/);
      expect((await lstat(locks)).mode & 0o777).toBe(0o500);
    },
    60_000,
  );
});
