import winston from 'winston';
import type { Logger } from '../util/logger';

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
