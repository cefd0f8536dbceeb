import type { Logger } from '../notifier.js';

export interface LogLine {
  level: 'error' | 'warn' | 'info' | 'debug';
  message: string;
  fields?: Record<string, unknown>;
}

/** A Logger that keeps every line, so tests can assert on them and scan them for secrets. */
export class RecordingLogger implements Logger {
  readonly lines: LogLine[] = [];

  error(message: string, fields?: Record<string, unknown>): void {
    this.lines.push({ level: 'error', message, fields });
  }

  warn(message: string, fields?: Record<string, unknown>): void {
    this.lines.push({ level: 'warn', message, fields });
  }

  info(message: string, fields?: Record<string, unknown>): void {
    this.lines.push({ level: 'info', message, fields });
  }

  debug(message: string, fields?: Record<string, unknown>): void {
    this.lines.push({ level: 'debug', message, fields });
  }

  /** Every line as JSON text, for substring scans. */
  text(): string {
    return this.lines.map((line) => JSON.stringify(line)).join('\n');
  }
}
