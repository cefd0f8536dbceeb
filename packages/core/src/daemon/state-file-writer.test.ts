import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SecretRegistry } from '../logging/secret-registry';
import { RecordingLogger } from '../testing/recording-logger';
import type { SessionRecord, StateFile } from './state-file';
import { StateFileWriter } from './state-file-writer';

const TOKEN = 'aoaSEEDEDtoken0123456789abcdef';
const clock = { now: () => new Date('2026-11-22T09:20:00.000Z') };
const record = (n: number): SessionRecord => ({ name: `s${n}`, consecutiveFailures: n });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function eventually<T>(read: () => Promise<T>): Promise<T> {
  for (let waited = 0; ; waited += 10) {
    try {
      return await read();
    } catch (error) {
      if (waited > 2000) throw error;
      await sleep(10);
    }
  }
}

let dir: string;
let logger: RecordingLogger;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'state-file-writer-'));
  logger = new RecordingLogger();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function onDisk(): Promise<StateFile & { ino: number }> {
  const file = join(dir, 'state.json');
  return { ...JSON.parse(await readFile(file, 'utf8')), ino: (await stat(file)).ino };
}

describe(StateFileWriter.name, () => {
  it('writes the first change at once and coalesces a burst after it into one later write', async () => {
    const writer = new StateFileWriter({ stateDir: dir, logger, clock, intervalMs: 500 });
    writer.setSession('s0', record(0));
    const first = await eventually(onDisk);
    expect(first).toMatchObject({ version: 1, pid: process.pid, startedAt: '2026-11-22T09:20:00.000Z' });
    expect(Object.keys(first.sessions)).toEqual(['s0']);

    for (let n = 1; n <= 20; n++) writer.setSession(`s${n}`, record(n));
    await sleep(50);
    expect((await onDisk()).ino).toBe(first.ino);
    await sleep(600);
    const second = await onDisk();
    expect(second.ino).not.toBe(first.ino);
    expect(Object.keys(second.sessions)).toHaveLength(21);
  });

  it('writes what is pending on flush, forgets removed sessions and keeps carried-over ones', async () => {
    const writer = new StateFileWriter({
      stateDir: dir,
      logger,
      clock,
      sessions: { old: record(3), gone: record(1) },
    });
    writer.setSession('new', record(0));
    writer.setSession('gone', null);
    await writer.flush();
    expect((await onDisk()).sessions).toEqual({ old: record(3), new: record(0) });
  });

  it('blanks registered secrets in lastError and drops unknown keys', async () => {
    const secrets = new SecretRegistry();
    secrets.add(TOKEN);
    const writer = new StateFileWriter({ stateDir: dir, logger, clock, secrets });
    const leaky = { ...record(1), lastError: `server said ${TOKEN}`, refreshToken: TOKEN } as SessionRecord;
    writer.setSession('corp', leaky);
    await writer.flush();
    const text = await readFile(join(dir, 'state.json'), 'utf8');
    expect(text).not.toContain(TOKEN);
    expect(JSON.parse(text).sessions.corp.lastError).toBe('server said [redacted]');
  });

  it('logs one warning, and throws nothing, while the file cannot be written', async () => {
    const blocked = join(dir, 'not-a-folder');
    await writeFile(blocked, '');
    const writer = new StateFileWriter({ stateDir: blocked, logger, clock });
    writer.setSession('corp', record(0));
    await writer.flush();
    writer.setSession('corp', record(1));
    await writer.flush();
    expect(logger.lines).toEqual([
      {
        level: 'warn',
        message: 'cannot write the state file; status may be out of date',
        fields: { file: join(blocked, 'state.json'), error: expect.stringMatching(/^E[A-Z]+$/) },
      },
    ]);
  });
});
