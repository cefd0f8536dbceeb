import { classifyOidcError } from '../engine/oidc-refresher';
import type { Clock } from '../util/clock';
import type { LoginProgress, Sleep } from './login-types';
import {
  describeLoginError,
  type DeviceAuthClient,
  type DeviceAuthorization,
  type DeviceToken,
  type Registration,
} from './device-auth-client';

export interface PollOptions {
  client: DeviceAuthClient;
  registration: Registration;
  authorization: DeviceAuthorization;
  /** When StartDeviceAuthorization answered, in ms; `expiresIn` counts from here. */
  startedAt: number;
  clock: Clock;
  sleep: Sleep;
  signal?: AbortSignal;
  onProgress?: (progress: LoginProgress) => void;
}

export type PollResult =
  { token: DeviceToken } | { outcome: 'denied' | 'expired' | 'aborted' | 'failed'; error: string };

/** RFC 8628 section 3.5: on slow_down, every later poll waits 5 seconds more. */
const SLOW_DOWN_STEP_MS = 5000;

const ABORTED: PollResult = { outcome: 'aborted', error: 'the login was cancelled; nothing was written' };
const EXPIRED: PollResult = {
  outcome: 'expired',
  error: 'the code expired before the login was approved; nothing was written',
};

/**
 * Polls CreateToken every `interval` until the person approves or denies, or the code expires. A transient
 * failure (after the SDK's own retries) does not end the wait: the code is good until it expires.
 */
export async function pollDeviceToken(o: PollOptions): Promise<PollResult> {
  let intervalMs = o.authorization.interval * 1000;
  const deadline = o.startedAt + o.authorization.expiresIn * 1000;
  for (;;) {
    try {
      await o.sleep(intervalMs, o.signal);
    } catch {
      return ABORTED;
    }
    if (o.signal?.aborted) return ABORTED;
    if (o.clock.now().getTime() >= deadline) return EXPIRED;
    let status: 'pending' | 'slow_down' | 'retrying';
    try {
      return { token: await o.client.createToken(o.registration, o.authorization.deviceCode, o.signal) };
    } catch (error) {
      if (o.signal?.aborted) return ABORTED;
      const name = (error as { name?: string }).name;
      if (name === 'AuthorizationPendingException') status = 'pending';
      else if (name === 'SlowDownException') {
        intervalMs += SLOW_DOWN_STEP_MS;
        status = 'slow_down';
      } else if (name === 'AccessDeniedException') {
        return { outcome: 'denied', error: 'the login was denied; nothing was written' };
      } else if (name === 'ExpiredTokenException') return EXPIRED;
      // Only the terminal-or-transient verdict is used; the login's own message says what failed.
      else if (classifyOidcError(error, '').retryable) status = 'retrying';
      else return { outcome: 'failed', error: describeLoginError('CreateToken', error) };
    }
    const secondsLeft = Math.max(0, Math.round((deadline - o.clock.now().getTime()) / 1000));
    o.onProgress?.({ type: 'waiting', status, intervalSeconds: intervalMs / 1000, secondsLeft });
  }
}
