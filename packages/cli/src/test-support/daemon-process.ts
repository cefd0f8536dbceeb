import { spawn, type ChildProcess } from 'node:child_process';
import { CLI_BIN } from './run-cli';

export interface LogEntry {
  level: string;
  message: string;
  event?: string;
  session?: string | null;
  [key: string]: unknown;
}

/** `sso-supervisor run` as a child process, its JSON log lines collected as they come. */
export class DaemonProcess {
  readonly entries: LogEntry[] = [];
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private waiters: Array<() => void> = [];

  constructor(args: string[], env: Record<string, string>) {
    this.child = spawn(process.execPath, [CLI_BIN, 'run', ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let partial = '';
    this.child.stdout!.on('data', (d) => (this.stdout += d));
    this.child.stderr!.on('data', (d: Buffer) => {
      this.stderr += d;
      partial += d;
      const lines = partial.split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        try {
          this.entries.push(JSON.parse(line));
        } catch {
          // not a log line (a Node warning, say); kept in stderr for the secret scan
        }
      }
      for (const w of this.waiters) w();
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  get pid(): number {
    return this.child.pid!;
  }

  events(type: string, session?: string): LogEntry[] {
    return this.entries.filter((e) => e.event === type && (session === undefined || e.session === session));
  }

  /** Resolves once `predicate` holds over the entries; rejects after `timeoutMs` with what was seen. */
  waitFor(predicate: (entries: LogEntry[]) => boolean, timeoutMs = 20_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (predicate(this.entries)) {
          this.waiters = this.waiters.filter((w) => w !== check);
          clearTimeout(timer);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(
          new Error(
            `timed out; seen:\n${this.entries.map((e) => `${e.event ?? ''} ${e.message}`).join('\n')}`,
          ),
        );
      }, timeoutMs);
      this.waiters.push(check);
      check();
    });
  }

  signal(name: NodeJS.Signals): void {
    this.child.kill(name);
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }
}
