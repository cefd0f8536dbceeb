import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readCachedToken, TEMP_SUFFIX } from '@sso-supervisor/core';

/**
 * Reads and parses every cache file in a folder over and over while a test runs, as the AWS CLI or an SDK
 * reading at a random moment would. A missing file or folder is allowed (a test may delete it); a file
 * that exists and does not parse is recorded.
 */
export class CachePoller {
  /** Successful parses of a cache file. */
  reads = 0;
  /** One message per invalid read, naming the file and what was wrong. */
  readonly invalid: string[] = [];
  private running = true;
  private readonly loop: Promise<void>;

  constructor(
    private readonly dir: string,
    everyMs = 5,
  ) {
    this.loop = this.run(everyMs);
  }

  async stop(): Promise<{ reads: number; invalid: string[] }> {
    this.running = false;
    await this.loop;
    return { reads: this.reads, invalid: this.invalid };
  }

  private async run(everyMs: number): Promise<void> {
    while (this.running) {
      const names = await readdir(this.dir).catch(() => [] as string[]);
      const files = names.filter((n) => n.endsWith('.json') && !n.endsWith(TEMP_SUFFIX));
      for (const read of await Promise.all(files.map((n) => readCachedToken(join(this.dir, n))))) {
        if (read.status === 'ok') this.reads += 1;
        else if (read.status === 'invalid') this.invalid.push(read.message);
      }
      await sleep(everyMs);
    }
  }
}
