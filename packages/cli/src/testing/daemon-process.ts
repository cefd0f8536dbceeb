import { spawn, type ChildProcess } from 'node:child_process';
import { CLI_BIN } from './run-cli';

export interface LogEntry {
  level: string;
  message: string;
  event?: string;
  session?: string | null;
  [key: string]: unknown;
}

export interface DaemonLaunch {
  env: Record<string, string>;
  /** Where a relative path in the config lands; the test's own folder when not given. */
  cwd?: string;
  /** Node flags before the bin, e.g. `--require` of a fault-injecting preload. */
  nodeArgs?: string[];
  /** A program that execs node, e.g. setpriv to run it as another user. */
  prefix?: string[];
  /** More arguments after `run`, e.g. `--duration`. */
  args?: string[];
}

/** `sso-supervisor run` as a child process, its JSON log lines (stderr) collected as they come. */
export class DaemonProcess {
  readonly entries: LogEntry[] = [];
  stdout = '';
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;
  private waiters: Array<() => void> = [];

  constructor({ env, cwd, nodeArgs = [], prefix = [], args = [] }: DaemonLaunch) {
    const argv = [...prefix, process.execPath, ...nodeArgs, CLI_BIN, 'run', ...args];
    this.child = spawn(argv[0], argv.slice(1), {
      cwd,
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
          // Not a log line (a Node warning, say); it stays in stderr for the secret scan.
        }
      }
      for (const w of [...this.waiters]) w();
    });
    // 'close', not 'exit': by then every log line the process wrote has been read.
    this.exited = new Promise((resolve) =>
      this.child.on('close', (code, signal) => resolve({ code, signal })),
    );
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  events(type: string, session?: string | null): LogEntry[] {
    return this.entries.filter((e) => e.event === type && (session === undefined || e.session === session));
  }

  /**
   * Resolves once `predicate` holds over the entries (checked at each log line and every 100 ms); rejects
   * with what was seen when `timeoutMs` passes or the process ends first.
   */
  waitFor(predicate: (entries: LogEntry[]) => boolean, timeoutMs = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (error?: string) => {
        if (settled) return;
        settled = true;
        this.waiters = this.waiters.filter((w) => w !== check);
        clearTimeout(timer);
        clearInterval(poll);
        if (error === undefined) return resolve();
        const seen = this.entries.map((e) => `${e.event ?? ''} ${e.message} ${e.error ?? ''}`).join('\n');
        reject(new Error(`${error}; the daemon logged:\n${seen}\n${this.stderr.slice(-2000)}`));
      };
      const check = () => {
        if (predicate(this.entries)) finish();
      };
      const timer = setTimeout(() => finish(`timed out after ${timeoutMs} ms`), timeoutMs);
      // A predicate may look beyond the log (webhooks received, emulator calls) while the daemon is quiet.
      const poll = setInterval(check, 100);
      void this.exited.then(({ code, signal }) => {
        check();
        finish(`the daemon exited (${signal ?? code}) first`);
      });
      this.waiters.push(check);
      check();
    });
  }

  kill(signal: NodeJS.Signals): void {
    if (this.running) this.child.kill(signal);
  }

  /** SIGTERM and the exit code; a daemon that will not stop within `timeoutMs` is killed and fails the test. */
  async stop(timeoutMs = 15_000): Promise<number | null> {
    this.kill('SIGTERM');
    const timer = setTimeout(() => this.kill('SIGKILL'), timeoutMs);
    const { code } = await this.exited;
    clearTimeout(timer);
    return code;
  }
}
