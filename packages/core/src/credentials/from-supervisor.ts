import type { SessionRefresher } from '../engine/session-refresher';
import type { Logger } from '../util/logger';
import { CredentialsError } from '../errors';
import type { SetupOptions } from '../setup/load-setup';
import { obtainRoleCredentials } from './obtain-role-credentials';
import { loadSetupOrThrow, resolveSsoProfile } from './resolve-session';
import type { RoleCredentials } from './role-cache';

export interface FromSupervisorOptions extends SetupOptions {
  /** The SSO profile (sso_account_id, sso_role_name); default $AWS_PROFILE. */
  profile?: string;
  /**
   * Renew role credentials once less than this remains (halfway through a shorter lifetime). Default the
   * session's `credentialsRenewBefore` (20 minutes).
   */
  renewBeforeMs?: number;
  /** Refresh the SSO token when less than this remains; default the session's threshold (20m). */
  thresholdMs?: number;
  now?: () => Date;
  /** Told when a renewal fails while the current credentials still work (secret-free). */
  logger?: Logger;
  /** A single-flight refresher to share with the rest of the process; default a new one per renewal. */
  refresher?: SessionRefresher;
}

/** The AWS SDK's AwsCredentialIdentityProvider shape, so it can be passed as a client's `credentials`. */
export type SupervisorCredentialProvider = () => Promise<RoleCredentials>;

/** After a failed renewal, the SDK's next calls use the current credentials for this long before trying again. */
const RETRY_AFTER_MS = 30_000;

/**
 * An AWS SDK credential provider for a long-running job: role credentials for `profile`, renewed before
 * they expire, with the SSO token refreshed on the way when due, so the job outlives every token
 * lifetime without a daemon or a login. Shares the role-credential cache with `credentials`.
 */
export function fromSupervisor(options: FromSupervisorOptions = {}): SupervisorCredentialProvider {
  const now = options.now ?? (() => new Date());
  let current: RoleCredentials | undefined;
  let renewAt = 0;
  let pending: Promise<{ credentials: RoleCredentials; renewAt: Date }> | undefined;

  async function renew(): Promise<{ credentials: RoleCredentials; renewAt: Date }> {
    // Re-read the configs each time: a renewal is minutes apart, and the user may have edited them.
    const setup = await loadSetupOrThrow(options);
    const name = options.profile ?? (options.env ?? process.env).AWS_PROFILE;
    if (!name)
      throw new CredentialsError({
        kind: 'config',
        message: 'no profile: pass `profile` or set AWS_PROFILE',
      });
    const found = resolveSsoProfile(setup, name);
    if ('failure' in found) throw new CredentialsError(found.failure);
    const settings = setup.settingsFor(found.profile.session);
    const outcome = await obtainRoleCredentials(found.profile, {
      stateDir: setup.paths.stateDir,
      settings: { ...settings, threshold: options.thresholdMs ?? settings.threshold },
      minRemainingMs: options.renewBeforeMs,
      now,
      refresher: options.refresher,
    });
    if (!outcome.ok) throw new CredentialsError(outcome.failure);
    return outcome;
  }

  let retryAt = 0;
  const msLeft = () => (current ? current.expiration.getTime() - now().getTime() : 0);
  return async () => {
    const backingOff = now().getTime() < retryAt;
    if (current && (now().getTime() < renewAt || (backingOff && msLeft() > 0))) return current;
    // Concurrent SDK calls share one renewal instead of each asking the portal.
    pending ??= renew().finally(() => (pending = undefined));
    try {
      const renewed = await pending;
      current = renewed.credentials;
      renewAt = renewed.renewAt.getTime();
    } catch (error) {
      // Credentials that still work beat an error: the job goes on while a person logs in or AWS recovers.
      if (!current || msLeft() <= 0) throw error;
      retryAt = now().getTime() + RETRY_AFTER_MS;
      options.logger?.warn('role credentials not renewed; using the current ones until they expire', {
        profile: options.profile,
        expiresAt: current.expiration.toISOString(),
        error: (error as Error).message,
      });
    }
    return current;
  };
}
