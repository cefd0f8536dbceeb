import { watch, type FSWatcher } from 'node:fs';
import type { Logger } from '../util/logger';

/**
 * Calls `onChange(fileName)` when a file in the token cache folder changes, so a new `aws sso login`
 * is noticed at once. Best effort: a folder that cannot be watched (missing, no inotify slots) only
 * means the next cron tick notices instead.
 */
export function watchCacheDir(dir: string, onChange: (fileName: string) => void, logger: Logger): () => void {
  let watcher: FSWatcher;
  try {
    watcher = watch(dir, { persistent: false }, (_event, name) => {
      if (name) onChange(name.toString());
    });
  } catch (error) {
    logger.debug('cache folder not watched; relying on scheduled checks', { dir, error: String(error) });
    return () => {};
  }
  watcher.on('error', (error) => logger.debug('cache folder watch ended', { dir, error: String(error) }));
  return () => watcher.close();
}
