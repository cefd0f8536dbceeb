import type { CachedToken } from '../cache/cached-token';

export type TokenState = 'valid' | 'expiring' | 'expired' | 'reauth_required';

export interface TokenAssessment {
  state: TokenState;
  /** Under the threshold or expired: a refresh is wanted. */
  due: boolean;
  /** The file holds what a refresh needs, and the registration is still alive. */
  refreshable: boolean;
  secondsLeft: number;
  expiresAt: Date;
  /** Why it cannot be refreshed, when it cannot. */
  reason?: string;
}

const REFRESH_FIELDS = ['refreshToken', 'clientId', 'clientSecret'] as const;

/** Pure decision: how a cached token stands at `now`, given the refresh threshold. */
export function assessToken(token: CachedToken, now: Date, thresholdMs: number): TokenAssessment {
  const expiresAt = new Date(token.expiresAt);
  const msLeft = expiresAt.getTime() - now.getTime();
  const secondsLeft = Math.floor(msLeft / 1000);
  const due = msLeft < thresholdMs;
  const missing = REFRESH_FIELDS.filter((k) => !token[k]);
  let reason: string | undefined;
  if (missing.length) reason = `no ${missing.join(', ')} in the cache file, so it cannot be refreshed`;
  else if (token.registrationExpiresAt && Date.parse(token.registrationExpiresAt) <= now.getTime()) {
    reason = `the client registration expired at ${token.registrationExpiresAt}`;
  }
  const refreshable = reason === undefined;
  let state: TokenState = msLeft <= 0 ? 'expired' : due ? 'expiring' : 'valid';
  if (due && !refreshable) state = 'reauth_required';
  return { state, due, refreshable, secondsLeft, expiresAt, ...(reason && { reason }) };
}
