import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { closeLogger } from './close-logger';
import { createLogger } from './create-logger';
import { SecretRegistry } from './secret-registry';

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
      await closeLogger(logger);
      const lines = (await readFile(file, 'utf8')).trim().split('\n');
      expect(lines).toHaveLength(2001);
      expect(JSON.parse(lines[2000]).message).toBe('supervisor stopped');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
