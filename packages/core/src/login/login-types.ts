import { setTimeout as delay } from 'node:timers/promises';
import type { SsoSession } from '../aws-config/discover-sessions';

/** What a device-code login reports while it runs, for a terminal, `--json` lines or a notification. */
export type LoginProgress =
  | {
      type: 'pending';
      /** The page where a person approves the login, and the same page with the code filled in. */
      verificationUri: string;
      verificationUriComplete: string;
      /** The code the page shows, for the person to check. */
      userCode: string;
      /** When the code stops working, ISO-8601. */
      expiresAt: string;
      intervalSeconds: number;
    }
  | {
      type: 'waiting';
      /** pending: not approved yet; slow_down: asked to poll less often; retrying: a transient failure. */
      status: 'pending' | 'slow_down' | 'retrying';
      intervalSeconds: number;
      secondsLeft: number;
    };

/**
 * How a device-code login ended. `superseded`: another login wrote the cache file meanwhile and was kept;
 * `aborted`: cancelled (Ctrl-C, shutdown, or a login of the person's own landed) before anything was written.
 */
export type LoginOutcome = 'logged_in' | 'denied' | 'expired' | 'superseded' | 'aborted' | 'failed';

/** One login's result. Secret-free: no token, code or link. */
export interface LoginResult {
  session: string | null;
  /** The session's stable id (name, or `legacy:<startUrl>`). */
  id: string;
  outcome: LoginOutcome;
  /** logged_in: when the new access token lapses. */
  expiresAt?: string;
  /** logged_in: when the client registration in the cache file ends. */
  registrationExpiresAt?: string;
  /** logged_in: the registration already in the cache file was used, no RegisterClient call was made. */
  reusedRegistration?: boolean;
  error?: string;
}

/** Waits `ms`; rejects as soon as `signal` aborts. Injected so tests can poll without waiting. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const abortableSleep: Sleep = (ms, signal) => delay(ms, undefined, { signal });

/**
 * The `sso-supervisor login` command for a session. Unlike `aws sso login`, which keeps a registration as
 * long as it lives, it renews one that ends soon, so it is what the warnings before the end suggest.
 */
export function supervisorLoginCommand(session: SsoSession): string {
  return session.name !== null
    ? `sso-supervisor login ${session.name}`
    : `sso-supervisor login --profile ${session.profiles[0]}`;
}
