import { readCachedToken } from '../cache/read-cached-token';
import { obtainRoleCredentials, type RoleCredentialsOutcome } from '../credentials/obtain-role-credentials';
import type { RoleCredentialsFetcher } from '../credentials/portal-client';
import { resolveSsoProfile, type SessionLookup, type SsoProfile } from '../credentials/resolve-session';
import type { RoleCredentials } from '../credentials/role-cache';
import type { SessionSettings } from '../config/supervisor-config';
import type { SessionRefresher } from '../engine/session-refresher';
import type { CredentialsFailure } from '../errors';
import { supervisorLoginCommand } from '../login/login-types';

/** Served credentials keep at least this much: botocore re-fetches at 15 minutes left, the JS SDK at 5. */
export const BROKER_MIN_REMAINING_MS = 20 * 60_000;

export interface CredentialsBrokerOptions {
  stateDir: string;
  /** The setup as it is now (the daemon's changes on reload). */
  setup: () => SessionLookup & { settingsFor(session: SsoProfile['session']): SessionSettings };
  /** The process's one single-flight refresher: every token refresh goes through it. */
  refresher: SessionRefresher;
  /** Told every secret served, so the log's redaction knows them. */
  recordSecret?: (secret: string) => void;
  now?: () => Date;
  fetcher?: RoleCredentialsFetcher;
}

export type BrokerAnswer =
  | { ok: true; profile: SsoProfile; credentials: RoleCredentials }
  | { ok: false; failure: CredentialsFailure; unknownProfile?: boolean };

interface Held {
  credentials: RoleCredentials;
  fetchedAt: number;
}

/**
 * A login the broker asks for names `sso-supervisor login`: unlike `aws sso login` it renews a registration
 * that ends soon, and its outcome reaches the daemon, which then serves the job again without a restart.
 */
export function withOwnLoginCommand(
  failure: CredentialsFailure,
  session: SsoProfile['session'],
): CredentialsFailure {
  if (failure.kind !== 'login_required' && failure.kind !== 'invalid_cache') return failure;
  const command = supervisorLoginCommand(session);
  const message = failure.command ? failure.message.split(failure.command).join(command) : failure.message;
  return { ...failure, command, message: message.includes(command) ? message : `${message}: run ${command}` };
}

/**
 * Role credentials per profile for the broker: held in memory while fresh, renewed by one
 * GetRoleCredentials per profile however many clients ask at once. Fresh means 20 minutes left, or for
 * roles whose credentials live shorter than 40 minutes, half their lifetime left.
 */
export class CredentialsBroker {
  private readonly held = new Map<string, Held>();
  private readonly inFlight = new Map<string, Promise<BrokerAnswer>>();
  /**
   * Sessions found to need a login, with the cache file as it was: until the file changes (a login, a
   * refresh by anyone) the answer is given at once. A refresh that meets a revoked token waits seconds for
   * a rival's write (engine/refresh-session.ts), longer than the SDKs wait for an answer (botocore 2 s).
   */
  private readonly needsLogin = new Map<string, { failure: CredentialsFailure; raw: string | null }>();

  constructor(private readonly options: CredentialsBrokerOptions) {}

  private now(): number {
    return (this.options.now?.() ?? new Date()).getTime();
  }

  private fresh(held: Held | undefined): held is Held {
    if (!held) return false;
    const lifetime = held.credentials.expiration.getTime() - held.fetchedAt;
    const wanted = Math.min(BROKER_MIN_REMAINING_MS, lifetime / 2);
    return held.credentials.expiration.getTime() - this.now() > wanted;
  }

  /** The profile's credentials, or why there are none (`unknownProfile` when it is no SSO profile we know). */
  credentials(profileName: string): Promise<BrokerAnswer> {
    const setup = this.options.setup();
    const resolved = resolveSsoProfile(setup, profileName);
    if ('failure' in resolved)
      return Promise.resolve({ ok: false, failure: resolved.failure, unknownProfile: true });
    const { profile } = resolved;
    const key = JSON.stringify([profile.session.id, profile.accountId, profile.roleName]);
    const held = this.held.get(key);
    if (this.fresh(held)) return Promise.resolve({ ok: true, profile, credentials: held.credentials });
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.renew(key, profile, setup.settingsFor(profile.session)).finally(() =>
        this.inFlight.delete(key),
      );
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async renew(key: string, profile: SsoProfile, settings: SessionSettings): Promise<BrokerAnswer> {
    const { session } = profile;
    // Read before asking: a login written meanwhile then counts as a change, never as the dead file.
    const before = (await readCachedToken(session.cacheFile)).raw;
    const known = this.needsLogin.get(session.id);
    if (known && known.raw === before) return { ok: false, failure: known.failure };
    this.needsLogin.delete(session.id);
    const fetchedAt = this.now();
    const outcome: RoleCredentialsOutcome = await obtainRoleCredentials(profile, {
      stateDir: this.options.stateDir,
      settings,
      refresher: this.options.refresher,
      minRemainingMs: BROKER_MIN_REMAINING_MS,
      ...(this.options.now && { now: this.options.now }),
      ...(this.options.fetcher && { fetcher: this.options.fetcher }),
    });
    if (!outcome.ok) {
      const failure = withOwnLoginCommand(outcome.failure, session);
      if (failure.kind === 'login_required' || failure.kind === 'invalid_cache')
        this.needsLogin.set(session.id, { failure, raw: before });
      return { ok: false, failure };
    }
    const { credentials } = outcome;
    for (const s of [credentials.secretAccessKey, credentials.sessionToken, credentials.accessKeyId])
      this.options.recordSecret?.(s);
    // From the disk cache the issue time is unknown: the lifetime counts from now, which renews no later.
    this.held.set(key, { credentials, fetchedAt });
    return { ok: true, profile, credentials };
  }
}
