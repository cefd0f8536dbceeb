import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

// What makes the daemon reload or stop: a changed file, a signal, the end of `--duration`.

/**
 * Calls `onChange` (debounced) when any of `files` is written, created or replaced. Folders are watched
 * rather than files because editors and `aws configure` replace files by rename, which ends a file watch.
 */
export function watchFiles(files: string[], onChange: () => void, debounceMs = 300): () => void {
  let timer: NodeJS.Timeout | null = null;
  const fire = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  const byDir = new Map<string, Set<string>>();
  for (const f of files) {
    if (!byDir.has(dirname(f))) byDir.set(dirname(f), new Set());
    byDir.get(dirname(f))!.add(basename(f));
  }
  const watchers: FSWatcher[] = [];
  for (const [dir, names] of byDir) {
    try {
      const w = watch(dir, { persistent: false }, (_e, name) => name && names.has(name.toString()) && fire());
      w.on('error', () => w.close());
      watchers.push(w);
    } catch {
      // A folder that does not exist yet cannot be watched; SIGHUP still reloads.
    }
  }
  return () => {
    if (timer) clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}
/**
 * Resolves on SIGINT, SIGTERM or after `durationMs`; calls `onHangup` on SIGHUP meanwhile. Handlers are
 * removed again before it resolves: what a second Ctrl-C does during shutdown is holdForRefreshes' to say.
 */
export function waitForStop(opts: {
  durationMs?: number;
  onHangup?: () => void;
  /** Stops waiting and removes the handlers (a daemon that could not start). */
  signal?: AbortSignal;
}): Promise<'signal' | 'duration'> {
  return new Promise((resolve) => {
    const hangup = () => opts.onHangup?.();
    const done = (why: 'signal' | 'duration') => () => {
      if (timer) clearTimeout(timer);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.off('SIGHUP', hangup);
      resolve(why);
    };
    const onSignal = done('signal');
    const timer = opts.durationMs ? setTimeout(done('duration'), opts.durationMs) : null;
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    process.on('SIGHUP', hangup);
    opts.signal?.addEventListener('abort', onSignal, { once: true });
  });
}
