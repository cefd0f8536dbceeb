import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { readCachedToken } from './read-cached-token';

/** How often the file is read again when the folder watch says nothing (network file systems, WSL). */
const POLL_MS = 100;

/**
 * Whether `file` stops holding `raw` within `ms`. The folder is watched, because writers replace the file
 * by rename (which ends a watch on the file itself), and polled as well, because some file systems never
 * report a change. Resolves as soon as the content differs.
 */
export async function waitForChange(file: string, raw: string | null, ms: number): Promise<boolean> {
  const changed = async () => (await readCachedToken(file, 0)).raw !== raw;
  if (await changed()) return true;
  return new Promise<boolean>((resolve) => {
    let watcher: FSWatcher | null = null;
    let checking = false;
    let done = false;
    const finish = (result: boolean) => {
      if (done) return;
      done = true;
      clearInterval(poll);
      clearTimeout(deadline);
      watcher?.close();
      resolve(result);
    };
    const look = () => {
      if (checking || done) return;
      checking = true;
      void changed()
        .then((yes) => yes && finish(true))
        .finally(() => (checking = false));
    };
    const poll = setInterval(look, POLL_MS);
    const deadline = setTimeout(() => void changed().then(finish), ms);
    try {
      watcher = watch(dirname(file), { persistent: false }, (_event, name) => {
        if (name?.toString() === basename(file)) look();
      });
      watcher.on('error', () => watcher?.close());
    } catch {
      // A folder that cannot be watched (gone, no inotify slots): the polling alone answers.
    }
  });
}
