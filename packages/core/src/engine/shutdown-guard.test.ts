import { readdir } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openCacheWrite } from '../cache/write-cached-token';
import { trackRefresh } from './refreshes-in-flight';
import { abandonLine, guardOneShot, holdForRefreshes, waitingLine } from './shutdown-guard';

function recorder() {
  const said: string[] = [];
  const exits: number[] = [];
  return { io: { say: (l: string) => said.push(l), exit: (c: number) => exits.push(c) }, said, exits };
}

describe('shutdown guard', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sso-guard-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('words what it waits for and what abandoning costs, one session or several', () => {
    expect(waitingLine([{ session: 'corp', timeoutMs: 15_000 }])).toBe(
      'waiting for the refresh of corp to finish (up to 15 s); Ctrl-C again to abandon it',
    );
    expect(
      abandonLine([
        { session: 'corp', timeoutMs: 15_000 },
        { session: 'dev', timeoutMs: 3_000 },
      ]),
    ).toBe('abandoning: the refresh tokens of corp, dev may be spent; you may need to log in again');
  });

  it('run: says at once what is in flight; a second signal says the cost, removes our temp file, exits', async () => {
    const pending = await openCacheWrite(join(dir, 'corp.json'));
    const call = trackRefresh('corp', 15_000, () => undefined);
    const { io, said, exits } = recorder();
    const unhold = holdForRefreshes(io);
    try {
      expect(said).toEqual([waitingLine([{ session: 'corp', timeoutMs: 15_000 }])]);
      expect(await readdir(dir)).toHaveLength(1);
      process.emit('SIGINT', 'SIGINT');
      expect(said[1]).toBe(abandonLine([{ session: 'corp', timeoutMs: 15_000 }]));
      expect(exits).toEqual([130]);
      expect(await readdir(dir)).toEqual([]);
    } finally {
      unhold();
      call.done();
      await pending.abort();
    }
  });

  it('one-shot: exits at once when nothing is on the wire', () => {
    const { io, said, exits } = recorder();
    const unguard = guardOneShot(io);
    process.emit('SIGTERM', 'SIGTERM');
    unguard();
    expect(said).toEqual([]);
    expect(exits).toEqual([143]);
  });

  it('one-shot: waits for the answer to be written, then exits', async () => {
    const call = trackRefresh('corp', 15_000, () => undefined);
    const { io, said, exits } = recorder();
    const unguard = guardOneShot(io);
    try {
      process.emit('SIGINT', 'SIGINT');
      expect(said).toHaveLength(1);
      await sleep(20);
      expect(exits).toEqual([]);
      call.done();
      await sleep(0);
      expect(exits).toEqual([130]);
    } finally {
      unguard();
      call.done();
    }
  });
});
