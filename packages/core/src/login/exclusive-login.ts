import { join } from 'node:path';
import type { SsoSession } from '../aws-config/discover-sessions';
import { readCachedToken } from '../cache/read-cached-token';
import { acquireSessionLock, type LockHolder } from '../interprocess/session-lock';
import type { LoginResult } from './login-types';

export interface ExclusiveLoginOptions {
  /** The supervisor's state folder; the lock lives in its `locks/`, beside the refresh locks. */
  stateDir: string;
  /** How long to wait for another process's login: as long as a person may take to finish one. */
  waitMs: number;
  /** Told once, when another process runs a login for this session and this one starts waiting for it. */
  onWait?: (holder: LockHolder) => void;
  signal?: AbortSignal;
}

export type ExclusiveLoginResult = LoginResult & {
  /** The login another process ran (this one waited for it and ran none); its pid. */
  joined?: LockHolder;
};

/** The lock key: distinct from the refresh lock (keyed by the session id), which a login must not block. */
export const loginLockKey = (session: SsoSession) => `login:${session.id}`;

/**
 * One login per session at a time across processes: a second `login` for the same session waits for the
 * first and reports how it ended (a new token in the cache file, or none), instead of asking a person to
 * sign in twice. A lock that cannot be had for another reason (an unusable state folder) does not stop the
 * login: the cache write is atomic and checked either way.
 */
export async function exclusiveLogin(
  session: SsoSession,
  login: () => Promise<LoginResult>,
  options: ExclusiveLoginOptions,
): Promise<ExclusiveLoginResult> {
  const base = { session: session.name, id: session.id };
  const before = await readCachedToken(session.cacheFile);
  let holder: LockHolder | undefined;
  const lock = await acquireSessionLock(join(options.stateDir, 'locks'), loginLockKey(session), {
    waitMs: options.waitMs,
    signal: options.signal,
    onWait: (h) => {
      holder = h;
      options.onWait?.(h);
    },
  });
  if (!lock.locked) {
    if (lock.reason === 'timeout' || lock.reason === 'aborted') {
      const by = lock.holder ?? holder;
      const who = by ? `pid ${by.pid} on ${by.hostname}` : 'another process';
      const outcome = lock.reason === 'aborted' ? 'aborted' : 'failed';
      return { ...base, outcome, error: `a login for this session is still running in ${who}`, joined: by };
    }
    return login();
  }
  try {
    if (lock.waited && holder) return { ...(await joinedOutcome(session, before.raw)), joined: holder };
    return await login();
  } finally {
    await lock.release();
  }
}

/** What the other process's login left: a new, unexpired token in the cache file, or nothing new. */
async function joinedOutcome(session: SsoSession, before: string | null): Promise<LoginResult> {
  const base = { session: session.name, id: session.id };
  const after = await readCachedToken(session.cacheFile);
  if (after.status === 'ok' && after.raw !== before && Date.parse(after.token.expiresAt) > Date.now()) {
    return {
      ...base,
      outcome: 'logged_in',
      expiresAt: after.token.expiresAt,
      ...(after.token.registrationExpiresAt && { registrationExpiresAt: after.token.registrationExpiresAt }),
    };
  }
  return { ...base, outcome: 'failed', error: 'the login in the other process ended without a new token' };
}
