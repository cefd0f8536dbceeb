import { dirname, join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';

/** The built `sso-supervisor` bin, the file users run (it loads the CLI's dist/main.js). */
export const CLI_BIN = join(
  dirname(require.resolve('@sso-supervisor/cli/package.json')),
  'bin',
  'sso-supervisor.js',
);

/** `sso-supervisor run` as a child process, counting the events in its JSON log lines on stderr. */
export class BenchDaemon {
  /** Events seen, by type. */
  readonly events = new Map<string, number>();
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private partial = '';
  private tail: string[] = [];
  private waiters: Array<() => void> = [];

  /** `nodeArgs` go before the bin, e.g. `--require probe.js`. */
  constructor(env: Record<string, string>, nodeArgs: string[] = []) {
    this.child = spawn(process.execPath, [...nodeArgs, CLI_BIN, 'run'], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (d: string) => this.take(d));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  get pid(): number {
    return this.child.pid!;
  }

  count(type: string): number {
    return this.events.get(type) ?? 0;
  }

  /** Resolves once `type` has been logged; rejects after `timeoutMs` or if the daemon exits first. */
  waitFor(type: string, timeoutMs = 60_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const fail = (why: string) => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`${why} waiting for ${type}; last log lines:\n${this.tail.join('\n')}`));
      };
      const timer = setTimeout(() => fail(`timed out after ${timeoutMs} ms`), timeoutMs);
      const check = () => {
        if (this.child.exitCode !== null || this.child.signalCode !== null) {
          clearTimeout(timer);
          fail(`daemon exited (${this.child.exitCode ?? this.child.signalCode})`);
        } else if (this.count(type) > 0) {
          clearTimeout(timer);
          this.waiters = this.waiters.filter((w) => w !== check);
          resolve();
        }
      };
      this.waiters.push(check);
      void this.exited.then(check);
      check();
    });
  }

  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 10_000): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.exited;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  private take(chunk: string): void {
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop()!;
    for (const line of lines) {
      this.tail = [...this.tail.slice(-19), line];
      try {
        const entry = JSON.parse(line) as { event?: unknown };
        if (typeof entry.event === 'string') this.events.set(entry.event, this.count(entry.event) + 1);
      } catch {
        // not a log line (a Node warning, say); kept in the tail for the error message
      }
    }
    for (const w of [...this.waiters]) w();
  }
}
