import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import winston from 'winston';
import type { LogLevel } from '../config/supervisor-config';
import { systemClock, type Clock } from '../util/clock';
import { humanLineFormat, jsonLineFormat } from './line-formats';
import { humanTime } from '../util/human-time';
import { redactFormat, type SecretRegistry } from './redaction';
import type { Logger } from '../util/logger';

// winston drops the lines buffered before the file opens when they alone exceed maxsize (its
// rotatedWhileOpening path destroys the stream they were piped to); a floor keeps a start-up burst under it.
const MIN_ROTATE_SIZE = 64 * 1024;

export interface LoggerOptions {
  level: LogLevel;
  /** Absolute path of the log file; none means the console only. */
  file?: string;
  /** Bytes before the file is rotated (64 KiB at least); 0 never rotates. */
  maxSize: number;
  /** Files kept, the live one included; winston keeps at least one rotated file besides it. */
  maxFiles: number;
  console: NodeJS.WritableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  secrets: SecretRegistry;
  clock?: Clock;
}

/**
 * The daemon's logger: redaction first, then JSON lines to the file (size-rotated) and to a console that is
 * not a terminal, readable lines to one that is. A log file that cannot be opened is reported once on the
 * console and skipped: losing the file is better than losing the daemon.
 */
export function createLogger(opts: LoggerOptions): winston.Logger {
  const clock = opts.clock ?? systemClock;
  const tty = opts.console.isTTY === true;
  const logger = winston.createLogger({
    level: opts.level,
    format: winston.format.combine(
      redactFormat(opts.secrets),
      winston.format((info) => Object.assign(info, { time: clock.now().toISOString() }))(),
    ),
    transports: [
      new winston.transports.Stream({
        stream: opts.console,
        format: tty
          ? humanLineFormat({ colour: colourAllowed(opts.env), time: humanTime(opts.env, () => clock.now()) })
          : jsonLineFormat(),
      }),
    ],
  });
  // Without a listener, a transport's error event would be thrown and end the daemon.
  logger.on('error', (error: NodeJS.ErrnoException, source: unknown) => {
    if (!(source instanceof winston.transports.File) || !logger.transports.includes(source)) return;
    logger.remove(source);
    logger.warn('the log file failed; logging to the console only', {
      file: opts.file,
      error: error.code ?? error.message,
    });
  });
  if (opts.file) addFile(logger, opts.file, opts);
  return logger;
}

function addFile(logger: winston.Logger, file: string, opts: LoggerOptions): void {
  const problem = openProblem(file);
  if (problem) {
    logger.warn('cannot open the log file; logging to the console only', { file, error: problem });
    return;
  }
  const transport = new winston.transports.File({
    filename: file,
    maxsize: opts.maxSize > 0 ? Math.max(opts.maxSize, MIN_ROTATE_SIZE) : undefined,
    // winston's tailable rotation never finishes without a limit, so at least one rotated file is kept.
    maxFiles: Math.max(1, opts.maxFiles),
    // Tailable keeps the live file's name fixed (older ones become supervisor1.log, ...), so `logs -f` and
    // tail -F follow one name.
    tailable: true,
    format: jsonLineFormat(),
    options: { flags: 'a', mode: 0o600 },
  });
  logger.add(transport);
}

/** winston opens the file later and swallows a failure there, so the check happens up front. */
function openProblem(file: string): string | null {
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    closeSync(openSync(file, 'a', 0o600));
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? String(error);
  }
}

/** https://no-color.org: any non-empty NO_COLOR turns colour off; a dumb terminal has none. */
function colourAllowed(env: Record<string, string | undefined>): boolean {
  return !env.NO_COLOR && env.TERM !== 'dumb';
}

/**
 * Ends the logger and waits until the file transports have written everything, so the daemon's last lines
 * (supervisor stopped) are on disk before the process exits. Gives up after `timeoutMs`: a stuck disk must
 * not keep a stopping daemon alive. A logger that is not winston's (a test's, the bench's) has nothing to close.
 */
export function closeLogger(logger: Logger, timeoutMs = 2000): Promise<void> {
  if (!(logger instanceof winston.Logger)) return Promise.resolve();
  const files = logger.transports.filter((t) => t instanceof winston.transports.File);
  const flushed = Promise.all(
    files.map((t) => new Promise<void>((resolve) => t.once('finish', () => resolve()))),
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
    timer.unref();
  });
  logger.end();
  return Promise.race([flushed.then(() => undefined), timeout]).finally(() => clearTimeout(timer));
}
