import type { Logger } from '@sso-supervisor/core';

/** A Logger that keeps only how many lines each level got, so logging costs the benchmark nothing. */
export class CountingLogger implements Logger {
  readonly counts = { error: 0, warn: 0, info: 0, debug: 0 };

  error(): void {
    this.counts.error++;
  }

  warn(): void {
    this.counts.warn++;
  }

  info(): void {
    this.counts.info++;
  }

  debug(): void {
    this.counts.debug++;
  }
}
