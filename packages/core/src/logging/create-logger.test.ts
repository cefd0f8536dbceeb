import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable, PassThrough } from 'node:stream';
import { closeLogger, createLogger, type LoggerOptions } from './create-logger';
import { SecretRegistry } from './redaction';

describe('create-logger', () => {
  const TOKEN = 'aoaSEEDEDtoken0123456789abcdef';
  const clock = { now: () => new Date('2026-11-22T09:20:00.000Z') };

  class Capture extends Writable {
    text = '';
    constructor(readonly isTTY = false) {
      super();
    }
    override _write(chunk: Buffer, _encoding: string, done: () => void): void {
      this.text += chunk.toString();
      done();
    }
  }

  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'create-logger-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function options(overrides: Partial<LoggerOptions>): LoggerOptions {
    const secrets = new SecretRegistry();
    secrets.add(TOKEN);
    const base = { level: 'info', maxSize: 0, maxFiles: 5, console: new Capture(), env: {}, secrets, clock };
    return { ...base, ...overrides } as LoggerOptions;
  }

  describe(createLogger.name, () => {
    it('keeps a seeded token out of the file and the console, however it is logged', async () => {
      const file = join(dir, 'logs', 'supervisor.log');
      for (const tty of [false, true]) {
        const console = new Capture(tty);
        const logger = createLogger(options({ file, console }));
        logger.info('token refreshed', { session: 'corp', accessToken: TOKEN });
        logger.warn(`unexpected response ${TOKEN}`);
        const error = new Error(`bad grant for ${TOKEN}`);
        logger.error('refresh failed', { error, attempt: { request: { body: `refresh_token=${TOKEN}` } } });
        logger.error('refresh failed again', error);
        await closeLogger(logger);
        expect(console.text).toContain('token refreshed');
        expect(console.text).toContain('refresh failed again');
        expect(console.text).toContain('[redacted]');
        expect(console.text).not.toContain(TOKEN);
      }
      const written = await readFile(file, 'utf8');
      expect(written.trim().split('\n')).toHaveLength(8);
      expect(written).toContain('bad grant for [redacted]');
      expect(written).not.toContain(TOKEN);
    });

    it('writes JSON lines to a console that is not a terminal and to the file, with mode 0600', async () => {
      const file = join(dir, 'supervisor.log');
      const console = new Capture();
      const logger = createLogger(options({ file, console }));
      logger.info('token refreshed', { session: 'corp' });
      logger.debug('not at info level');
      await closeLogger(logger);
      const expected = {
        time: '2026-11-22T09:20:00.000Z',
        level: 'info',
        message: 'token refreshed',
        session: 'corp',
      };
      expect(JSON.parse(console.text)).toEqual(expected);
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(expected);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
    });

    it('writes readable lines to a terminal, in local time, coloured unless NO_COLOR is set', async () => {
      for (const [env, coloured] of [
        [{ TZ: 'Europe/Paris' }, true],
        [{ TZ: 'Europe/Paris', NO_COLOR: '1' }, false],
      ] as const) {
        const console = new Capture(true);
        const logger = createLogger(options({ console, env }));
        logger.warn('session ending soon', { session: 'corp', note: 'log in today', profiles: ['dev'] });
        logger.error('refresh failed', { error: new Error('socket hang up') });
        await closeLogger(logger);
        const label = coloured ? '\x1b[33mWARN \x1b[0m' : 'WARN ';
        const lines = console.text.split('\n');
        expect(lines[0]).toBe(
          `2026-11-22 10:20:00 CET ${label} session ending soon session=corp note="log in today" profiles=["dev"]`,
        );
        expect(lines[1]).toMatch(/ refresh failed error="Error: socket hang up"$/);
        expect(lines[2]).toBe('    Error: socket hang up');
        expect(lines[3]).toMatch(/^\s+at /);
        expect(console.text.includes('\x1b[')).toBe(coloured);
      }
    });

    it('rotates the file by size and keeps maxFiles files', async () => {
      const file = join(dir, 'supervisor.log');
      const logger = createLogger(options({ file, maxSize: 64 * 1024, maxFiles: 3 }));
      const filler = 'x'.repeat(1000);
      for (let i = 0; i < 300; i++) {
        logger.info('a line long enough to fill the file quickly', { i, filler });
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      await closeLogger(logger);
      expect((await readdir(dir)).sort()).toEqual(['supervisor.log', 'supervisor1.log', 'supervisor2.log']);
      const kept: number[] = [];
      for (const name of ['supervisor2.log', 'supervisor1.log', 'supervisor.log']) {
        const text = await readFile(join(dir, name), 'utf8');
        expect(Buffer.byteLength(text)).toBeLessThanOrEqual(70 * 1024);
        kept.push(
          ...text
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line).i as number),
        );
      }
      expect(kept[kept.length - 1]).toBe(299);
      expect(kept).toEqual(kept.map((_, n) => kept[0] + n));
    });

    it('goes on without the file, after one warning naming it, when the file cannot be opened', async () => {
      await writeFile(join(dir, 'not-a-folder'), '');
      const file = join(dir, 'not-a-folder', 'supervisor.log');
      const console = new Capture();
      const logger = createLogger(options({ file, console }));
      logger.info('still logging');
      await closeLogger(logger);
      const lines = console.text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines).toEqual([
        expect.objectContaining({ level: 'warn', file, error: expect.stringMatching(/^E[A-Z]+$/) }),
        expect.objectContaining({ level: 'info', message: 'still logging' }),
      ]);
    });

    it('drops the file transport, with a warning, when it fails later', async () => {
      const file = join(dir, 'supervisor.log');
      const console = new Capture();
      const logger = createLogger(options({ file, console }));
      const transport = logger.transports.find((t) => t.constructor.name === 'File')!;
      transport.emit('error', Object.assign(new Error('disk full'), { code: 'ENOSPC' }));
      logger.info('after the failure');
      await closeLogger(logger);
      expect(logger.transports).toHaveLength(1);
      expect(console.text).toContain('"error":"ENOSPC"');
      expect(console.text).toContain('after the failure');
    });
  });
});

describe(closeLogger.name, () => {
  it('resolves once every line logged before it is in the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'close-logger-'));
    try {
      const file = join(dir, 'supervisor.log');
      const logger = createLogger({
        level: 'info',
        file,
        maxSize: 0,
        maxFiles: 1,
        console: new PassThrough(),
        env: {},
        secrets: new SecretRegistry(),
      });
      for (let i = 0; i < 2000; i++) logger.info('line', { i });
      logger.info('supervisor stopped');
      // A generous bound: the test is about waiting for the flush, not about how fast a loaded disk is.
      await closeLogger(logger, 60_000);
      const lines = (await readFile(file, 'utf8')).trim().split('\n');
      expect(lines).toHaveLength(2001);
      expect(JSON.parse(lines[2000]).message).toBe('supervisor stopped');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
