import type { SessionSettings } from '../config/supervisor-config';
import { basename } from 'node:path';
import { retrySettings } from '../engine/aws-clients';
import { withStateDirLock } from '../engine/cross-process-lock';
import type { SessionRefresher } from '../engine/session-refresher';
import type { CredentialsFailure } from '../errors';
import { obtainSessionToken } from './obtain-session-token';
import { createPortalClient, type RoleCredentialsFetcher } from './portal-client';
import { readRoleCache, roleCacheFile, type RoleCredentials, writeRoleCache } from './role-cache';
import type { SsoProfile } from './resolve-session';

export interface RoleCredentialsOptions {
  stateDir: string;
  /** The profile's session settings: refresh threshold, retries, timeout. */
  settings: SessionSettings;
  now?: () => Date;
  /** false: neither read nor write the role-credential cache (doctor must really ask). Default true. */
  cache?: boolean;
  /** Cached credentials are reused while more than this remains. Default 5 minutes. */
  minRemainingMs?: number;
  /** The process's single-flight refresher; default a new one, for this call only. */
  refresher?: SessionRefresher;
  fetcher?: RoleCredentialsFetcher;
}

export type RoleCredentialsOutcome =
  | { ok: true; credentials: RoleCredentials; source: 'cache' | 'portal'; warning?: string }
  | { ok: false; failure: CredentialsFailure };

export const DEFAULT_MIN_REMAINING_MS = 5 * 60_000;

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
  const fromCache = async (): Promise<RoleCredentialsOutcome | null> => {
    const cached = await readRoleCache(file, now(), options.minRemainingMs ?? DEFAULT_MIN_REMAINING_MS);
    return cached && { ok: true, credentials: cached, source: 'cache' };
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
    await writeRoleCache(file, profile, fetched.credentials).catch((error: NodeJS.ErrnoException) => {
      warning = `cannot cache role credentials in ${file} (${error.code ?? String(error)})`;
    });
  }
  return { ok: true, credentials: fetched.credentials, source: 'portal', ...(warning && { warning }) };
}
