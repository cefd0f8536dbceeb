import type { SsoSession } from '../aws-config/discover-sessions';
import { type CachedToken, formatTimestamp } from '../cache/cached-token';
import { readCachedToken } from '../cache/read-cached-token';
import { openCacheWrite, type PendingWrite } from '../cache/write-cached-token';
import type { RetrySettings } from '../engine/aws-clients';
import { systemClock, type Clock } from '../util/clock';
import { abortableSleep, type LoginProgress, type LoginResult, type Sleep } from './login-types';
import {
  createDeviceAuthClient,
  describeLoginError,
  type DeviceAuthClient,
  type Registration,
  reusableRegistration,
} from './device-auth-client';
import { pollDeviceToken } from './poll-device-token';

export interface DeviceLoginOptions {
  /** Cancels the wait (Ctrl-C, shutdown); the cache file is then left as it was. */
  signal?: AbortSignal;
  clock?: Clock;
  sleep?: Sleep;
  onProgress?: (progress: LoginProgress) => void;
  /** Reuse the registration in the cache file only with more than this left. Default one day. */
  reuseMarginMs?: number;
  /**
   * true: a file that changed during the login is replaced anyway (a person asked for this login).
   * false (default): a login that landed meanwhile wins and nothing is written.
   */
  replaceChanged?: boolean;
  /** Attempts and timeouts of each SSO OIDC call. */
  retry?: RetrySettings;
}

const DAY_MS = 86_400_000;
const CLIENT_NAME = 'sso-supervisor';
// Without this scope AWS returns no refresh token, and the session could not be kept alive.
const DEFAULT_SCOPES = ['sso:account:access'];

/** A registration that still works, or a new one; falls back to a new one if AWS refuses the cached one. */
async function authorize(
  client: DeviceAuthClient,
  session: SsoSession,
  cached: CachedToken | undefined,
  now: Date,
  options: DeviceLoginOptions,
) {
  const reusable = reusableRegistration(cached, session.region, now, options.reuseMarginMs ?? DAY_MS);
  if (reusable) {
    try {
      const authorization = await client.start(reusable, session.startUrl, options.signal);
      return { registration: reusable, reused: true, authorization };
    } catch (error) {
      if ((error as { name?: string }).name !== 'InvalidClientException') throw error;
    }
  }
  const scopes = session.registrationScopes.length ? session.registrationScopes : DEFAULT_SCOPES;
  const registration: Registration = await client.register(CLIENT_NAME, scopes, options.signal);
  const authorization = await client.start(registration, session.startUrl, options.signal);
  return { registration, reused: false, authorization };
}

/**
 * `aws sso login` without a browser on this machine: RegisterClient (or the cached registration),
 * StartDeviceAuthorization, CreateToken polled until a person approves; then the cache file in the AWS
 * CLI's form. The temp file is opened first, so a folder we cannot write fails before anyone is asked to
 * approve. Never throws; every ending is a result.
 */
export async function deviceLogin(
  session: SsoSession,
  options: DeviceLoginOptions = {},
): Promise<LoginResult> {
  const clock = options.clock ?? systemClock;
  const base = { session: session.name, id: session.id };
  const read = await readCachedToken(session.cacheFile);
  let pending: PendingWrite;
  try {
    pending = await openCacheWrite(session.cacheFile);
  } catch (error) {
    return { ...base, outcome: 'failed', error: describeLoginError('login', error) };
  }
  let client: DeviceAuthClient | undefined;
  try {
    client = await createDeviceAuthClient(session.region, options.retry);
    const cached = read.status === 'ok' ? read.token : undefined;
    const { registration, reused, authorization } = await authorize(
      client,
      session,
      cached,
      clock.now(),
      options,
    );
    const startedAt = clock.now().getTime();
    options.onProgress?.({
      type: 'pending',
      verificationUri: authorization.verificationUri,
      verificationUriComplete: authorization.verificationUriComplete,
      userCode: authorization.userCode,
      expiresAt: formatTimestamp(new Date(startedAt + authorization.expiresIn * 1000)),
      intervalSeconds: authorization.interval,
    });
    const polled = await pollDeviceToken({
      client,
      registration,
      authorization,
      startedAt,
      clock,
      sleep: options.sleep ?? abortableSleep,
      signal: options.signal,
      onProgress: options.onProgress,
    });
    if (!('token' in polled)) return { ...base, ...polled };
    const expiresAt = formatTimestamp(new Date(clock.now().getTime() + polled.token.expiresIn * 1000));
    // A fresh file in botocore's key order; like `aws sso login`, nothing of the old one is carried over.
    const token: CachedToken = {
      startUrl: session.startUrl,
      region: session.region,
      accessToken: polled.token.accessToken,
      expiresAt,
      ...registration,
      ...(polled.token.refreshToken && { refreshToken: polled.token.refreshToken }),
    };
    const expected = options.replaceChanged ? (await readCachedToken(session.cacheFile)).raw : read.raw;
    const written = await pending.commit(token, expected);
    if (!written.written) {
      return {
        ...base,
        outcome: 'superseded',
        error: 'another login wrote the cache file meanwhile; it was kept',
      };
    }
    const { registrationExpiresAt } = registration;
    return { ...base, outcome: 'logged_in', expiresAt, registrationExpiresAt, reusedRegistration: reused };
  } catch (error) {
    if (options.signal?.aborted)
      return { ...base, outcome: 'aborted', error: 'the login was cancelled; nothing was written' };
    return { ...base, outcome: 'failed', error: describeLoginError('login', error) };
  } finally {
    // After a commit the temp file is gone and this does nothing; otherwise it removes it.
    await pending.abort();
    client?.destroy();
  }
}
