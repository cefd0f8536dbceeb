import { basename } from 'node:path';
import type { SessionSettings } from '../config/supervisor-config';
import { retrySettings } from '../engine/aws-clients';
import { withStateDirLock } from '../engine/cross-process-lock';
import type { SessionRefresher } from '../engine/session-refresher';
import type { CredentialsFailure } from '../errors';
import { obtainSessionToken } from './obtain-session-token';
import { createPortalClient, type RoleCredentialsFetcher } from './portal-client';
import {
  readRoleCache,
  renewalTime,
  roleCacheFile,
  type RoleCredentials,
  writeRoleCache,
} from './role-cache';
import type { SsoProfile } from './resolve-session';

export interface RoleCredentialsOptions {
  stateDir: string;
  /** The profile's session settings: refresh threshold, retries, timeout. */
  settings: SessionSettings;
  now?: () => Date;
  /** false: neither read nor write the role-credential cache (doctor must really ask). Default true. */
  cache?: boolean;
  /**
   * Cached credentials are reused until this long before they expire (halfway through a shorter
   * lifetime). Default the session's `credentialsRenewBefore` (20 minutes).
   */
  minRemainingMs?: number;
  /** The process's single-flight refresher; default a new one, for this call only. */
  refresher?: SessionRefresher;
  fetcher?: RoleCredentialsFetcher;
}

export type RoleCredentialsOutcome =
  | {
      ok: true;
      credentials: RoleCredentials;
      source: 'cache' | 'portal';
      /** From then on these credentials are no longer handed out (renewalTime). */
      renewAt: Date;
      warning?: string;
    }
  | { ok: false; failure: CredentialsFailure };

/**
 * A profile's role credentials: from the role cache while enough remains (no AWS SDK loaded), else
 * GetRoleCredentials with the session's token, refreshed first through the engine when it is due.
 */
export async function obtainRoleCredentials(
  profile: SsoProfile,
  options: RoleCredentialsOptions,
): Promise<RoleCredentialsOutcome> {
  const now = options.now ?? (() => new Date());
  if (options.cache === false) return fetchRoleCredentials(profile, options, false);
  const file = roleCacheFile(options.stateDir, profile);
  const renewBeforeMs = options.minRemainingMs ?? options.settings.credentialsRenewBefore;
  const fromCache = async (): Promise<RoleCredentialsOutcome | null> => {
    const cached = await readRoleCache(file, now(), renewBeforeMs);
    return cached && { ok: true, ...cached, source: 'cache' };
  };
  const hit = await fromCache();
  if (hit) return hit;
  // One GetRoleCredentials per profile on this machine: callers that waited find the winner's entry.
  // Without the lock (an unusable state dir) each caller just asks the portal itself.
  const waitMs = 2 * options.settings.timeout + 5_000;
  return withStateDirLock(options.stateDir, `role-${basename(file, '.json')}`, waitMs, async () => {
    return (await fromCache()) ?? fetchRoleCredentials(profile, options, true);
  });
}

async function fetchRoleCredentials(
  profile: SsoProfile,
  options: RoleCredentialsOptions,
  useCache: boolean,
): Promise<RoleCredentialsOutcome> {
  const now = options.now ?? (() => new Date());
  const file = roleCacheFile(options.stateDir, profile);
  const renewBeforeMs = options.minRemainingMs ?? options.settings.credentialsRenewBefore;
  const retry = retrySettings(options.settings);
  const token = await obtainSessionToken(profile.session, {
    thresholdMs: options.settings.threshold,
    retry,
    now,
    refresher: options.refresher,
    locking: { stateDir: options.stateDir },
  });
  if (!token.ok) return token;
  const fetcher = options.fetcher ?? createPortalClient(retry);
  const obtainedAt = now();
  let fetched;
  try {
    fetched = await fetcher.fetch({
      region: profile.session.region,
      accessToken: token.accessToken,
      accountId: profile.accountId,
      roleName: profile.roleName,
      loginCommand: profile.session.loginCommand,
    });
  } finally {
    if (!options.fetcher) fetcher.destroy();
  }
  if (!fetched.ok) return fetched;
  let warning = token.warning;
  if (useCache) {
    // The credentials are good whether or not they could be cached; the next call just asks again.
    await writeRoleCache(file, profile, fetched.credentials, obtainedAt).catch(
      (error: NodeJS.ErrnoException) => {
        warning = `cannot cache role credentials in ${file} (${error.code ?? String(error)})`;
      },
    );
  }
  const { credentials } = fetched;
  const renewAt = renewalTime(credentials.expiration, obtainedAt, renewBeforeMs);
  return { ok: true, credentials, source: 'portal', renewAt, ...(warning && { warning }) };
}
