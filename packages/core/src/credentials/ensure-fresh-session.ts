import { retrySettings } from '../engine/aws-clients';
import type { SessionRefresher } from '../engine/session-refresher';
import { CredentialsError } from '../errors';
import { loadSession, type SessionSelection } from './resolve-session';
import { obtainSessionToken } from './obtain-session-token';

export interface EnsureFreshSessionOptions extends SessionSelection {
  /** Refresh when less than this remains; default the session's threshold from supervisor.yaml (20m). */
  thresholdMs?: number;
  now?: () => Date;
  /** A single-flight refresher to share with the rest of the process; default a new one, for this call. */
  refresher?: SessionRefresher;
}

/** Where the session stands once it is fresh. Secret-free: the token itself stays in the cache file. */
export interface FreshSession {
  session: string | null;
  profiles: string[];
  expiresAt: string;
  secondsLeft: number;
  /** Whether this call refreshed it (false: it had enough time left, or another process renewed it). */
  refreshed: boolean;
}

/**
 * Makes sure a session's SSO token is fresh, refreshing it through the engine when due, for a
 * long-running job without the daemon. Throws CredentialsError when a person must act or AWS fails.
 */
export async function ensureFreshSession(options: EnsureFreshSessionOptions = {}): Promise<FreshSession> {
  const { setup, session } = await loadSession(options);
  const settings = setup.settingsFor(session);
  const now = options.now ?? (() => new Date());
  const token = await obtainSessionToken(session, {
    thresholdMs: options.thresholdMs ?? settings.threshold,
    retry: retrySettings(settings),
    refresher: options.refresher,
    locking: { stateDir: setup.paths.stateDir },
    now,
  });
  if (!token.ok) throw new CredentialsError(token.failure);
  return {
    session: session.name,
    profiles: session.profiles,
    expiresAt: token.expiresAt,
    secondsLeft: Math.floor((Date.parse(token.expiresAt) - now().getTime()) / 1000),
    refreshed: token.refreshed,
  };
}
