import { basename, join } from 'node:path';
import type { SsoSession } from '../aws-config/discover-sessions';
import { readCachedToken } from '../cache/read-cached-token';
import { ensurePrivateDir, type FolderProblem } from '../interprocess/private-dir';
import { withSessionLock, type SessionLockState } from '../interprocess/session-lock';
import { assessToken } from './assess-token';
import { DEFAULT_RETRY } from './aws-clients';
import type { RefreshOptions, RefreshResult } from './refresh-session';

export interface CrossProcessLockOptions {
  /** The state dir; the lock files live in its `locks` folder. */
  stateDir: string;
  /**
   * Told once per reason when a pass goes on without the lock (an unwritable or unsafe folder, a holder
   * that outlived the wait): a warning on stderr for one-shot commands, a log line in the daemon.
   */
  onUnlocked?: (problem: { reason: string; message: string }) => void;
}

export const LOCKS_DIR = 'locks';
/** A holder refreshing takes at most one request timeout; this much more covers its write and release. */
const LOCK_MARGIN_MS = 5_000;

/**
 * Runs a refresh pass under the session's cross-process lock. The pass itself re-reads the cache first,
 * so a waiter whose token another process renewed meanwhile finds it not due and makes no CreateToken.
 * The AWS CLI and botocore take no lock: re-read-before-write and newer-wins in the pass cover them.
 */
export class CrossProcessLock {
  private readonly lockDir: string;
  private folder?: Promise<FolderProblem | null>;
  private readonly told = new Set<string>();

  constructor(private readonly options: CrossProcessLockOptions) {
    this.lockDir = join(options.stateDir, LOCKS_DIR);
  }

  async around(
    session: SsoSession,
    options: RefreshOptions,
    pass: (options: RefreshOptions) => Promise<RefreshResult>,
  ): Promise<RefreshResult> {
    const before = await readCachedToken(session.cacheFile);
    // Nothing to spend: the pass will only read, so no lock (the daemon's ticks and every cache hit).
    if (!options.force && before.status === 'ok') {
      const now = (options.now ?? (() => new Date()))();
      if (!assessToken(before.token, now, options.thresholdMs).due) return pass(options);
    }
    // The state dir is checked once per process, the lock folder on every take.
    this.folder ??= ensurePrivateDir(this.options.stateDir);
    const problem = await this.folder;
    if (problem) {
      this.tell(
        problem.reason,
        `refreshing without the cross-process lock: state folder unusable: ${problem.message}`,
      );
      return pass(options);
    }
    const waitMs = (options.retry ?? DEFAULT_RETRY).timeout + LOCK_MARGIN_MS;
    // Keyed by the cache file: it names the refresh token, whatever the session is called in this config.
    const key = basename(session.cacheFile, '.json');
    return withSessionLock(
      this.lockDir,
      key,
      async (lock) => {
        if (!lock.locked) {
          this.tell(lock.reason, `refreshing without the cross-process lock: ${lock.message}`);
          return pass(options);
        }
        // Another process held it: a forced refresh it already did is not done twice.
        const renewed = lock.waited && (await readCachedToken(session.cacheFile)).raw !== before.raw;
        return pass(renewed ? { ...options, force: false } : options);
      },
      { waitMs, signal: options.signal },
    );
  }

  private tell(reason: string, message: string): void {
    if (this.told.has(reason)) return;
    this.told.add(reason);
    this.options.onUnlocked?.({ reason, message });
  }
}

/**
 * Runs `fn` under the lock `key` in the state dir's locks folder when the state dir is safe to use, and
 * without it otherwise (`fn` is told which). For work that is safe either way, only cheaper locked.
 */
export async function withStateDirLock<T>(
  stateDir: string,
  key: string,
  waitMs: number,
  fn: (lock: SessionLockState | null) => Promise<T>,
): Promise<T> {
  if (await ensurePrivateDir(stateDir)) return fn(null);
  return withSessionLock(join(stateDir, LOCKS_DIR), key, fn, { waitMs });
}
