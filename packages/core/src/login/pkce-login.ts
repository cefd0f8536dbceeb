import type { SsoSession } from '../aws-config/discover-sessions';
import type { CachedToken } from '../cache/cached-token';
import { formatTimestamp } from '../cache/cached-token';
import type { RetrySettings } from '../engine/aws-clients';
import { systemClock, type Clock } from '../util/clock';
import { buildAuthorizeUrl, createPkcePair, createState } from './authorize-request';
import { CallbackError } from '../errors';
import { startCallbackServer, type CallbackServer } from './callback-server';
import { describeLoginError } from './device-auth-client';
import { openBrowser as systemOpenBrowser, type OpenBrowser } from './open-browser';
import { createPkceAuthClient, type PkceAuthClient } from './pkce-auth-client';
import { isReusablePkceRegistration, type PkceRegistration } from './pkce-registration';

export interface PkceLoginOptions {
  /** Default: the platform's opener (see open-browser.ts). Tests pass one that follows the redirect. */
  openBrowser?: OpenBrowser;
  /** Called with the authorize URL before the browser opens, so it can be printed too. */
  onAuthorizeUrl?: (url: string) => void;
  /** Called if the opener failed; the printed URL is then the way in. */
  onBrowserError?: (error: Error) => void;
  /** 0 or unset: a free port. */
  redirectPort?: number;
  /** How long a person has to finish in the browser. Default 10 minutes, as the AWS CLI waits. */
  timeoutMs?: number;
  /** A registration from the AWS CLI's registration cache; reused if it is for this grant and not ending. */
  registration?: PkceRegistration;
  clientName?: string;
  signal?: AbortSignal;
  clock?: Clock;
  retry?: RetrySettings;
}

export type PkceLoginResult =
  | {
      outcome: 'logged_in';
      /** The cache file's content in botocore's key order; the caller writes it (and may keep a registration file). */
      token: CachedToken;
      registration: PkceRegistration;
      reusedRegistration: boolean;
    }
  | { outcome: 'denied' | 'timeout' | 'aborted' | 'failed'; error: string };

const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;
const CLIENT_NAME = 'sso-supervisor';
// Without this scope AWS returns no refresh token, and the session could not be kept alive.
const DEFAULT_SCOPES = ['sso:account:access'];

function failure(error: unknown, signal?: AbortSignal): PkceLoginResult {
  if (error instanceof CallbackError) {
    const outcome =
      error.reason === 'denied'
        ? 'denied'
        : error.reason === 'timeout'
          ? 'timeout'
          : error.reason === 'aborted'
            ? 'aborted'
            : 'failed';
    return { outcome, error: `${error.message}; nothing was written` };
  }
  if (signal?.aborted) return { outcome: 'aborted', error: 'the login was cancelled; nothing was written' };
  return { outcome: 'failed', error: describeLoginError('login', error) };
}

/**
 * `aws sso login` with the authorization-code grant and PKCE, as the AWS CLI 2.22+ does it: listen on
 * 127.0.0.1 first (a port in use fails before anything is registered), RegisterClient for
 * `[authorization_code, refresh_token]` with issuerUrl = the start URL, open the authorize URL with an S256
 * challenge and a random state, wait for the browser to come back, check the state, exchange the code.
 * Writes nothing: the caller writes the cache (and the lock around it). Never throws.
 */
export async function pkceLogin(
  session: SsoSession,
  options: PkceLoginOptions = {},
): Promise<PkceLoginResult> {
  if (session.name === null) {
    // The AWS CLI too uses the device code for legacy profiles; their cache file has no registration to keep.
    return {
      outcome: 'failed',
      error: 'a legacy profile logs in with the device code; migrate it to an sso-session first',
    };
  }
  const clock = options.clock ?? systemClock;
  const state = createState();
  const pkce = createPkcePair();
  let server: CallbackServer | undefined;
  let client: PkceAuthClient | undefined;
  try {
    server = await startCallbackServer({
      port: options.redirectPort,
      expectedState: state,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      signal: options.signal,
    });
    client = await createPkceAuthClient(session.region, options.retry);
    const scopes = session.registrationScopes.length ? session.registrationScopes : DEFAULT_SCOPES;
    const reused = isReusablePkceRegistration(options.registration, clock.now());
    const registration = reused
      ? options.registration!
      : await client.register(options.clientName ?? CLIENT_NAME, scopes, session.startUrl, options.signal);
    const url = buildAuthorizeUrl(await client.endpoint(), {
      clientId: registration.clientId,
      redirectUri: server.redirectUri,
      state,
      challenge: pkce.challenge,
      scopes: registration.scopes.length ? registration.scopes : scopes,
    });
    options.onAuthorizeUrl?.(url);
    // Not awaited: an opener that lingers (xdg-open may wait for the browser) must not hold the login.
    const opener = options.openBrowser ?? systemOpenBrowser;
    void Promise.resolve()
      .then(() => opener(url))
      .catch((error: Error) => options.onBrowserError?.(error));
    const code = await server.code;
    const token = await client.exchange(
      registration,
      { code, redirectUri: server.redirectUri, codeVerifier: pkce.verifier },
      options.signal,
    );
    const expiresAt = formatTimestamp(new Date(clock.now().getTime() + token.expiresIn * 1000));
    // botocore's key order; a fresh file, as `aws sso login` writes it.
    const cached: CachedToken = {
      startUrl: session.startUrl,
      region: session.region,
      accessToken: token.accessToken,
      expiresAt,
      clientId: registration.clientId,
      clientSecret: registration.clientSecret,
      registrationExpiresAt: registration.expiresAt,
      ...(token.refreshToken && { refreshToken: token.refreshToken }),
    };
    return { outcome: 'logged_in', token: cached, registration, reusedRegistration: reused };
  } catch (error) {
    return failure(error, options.signal);
  } finally {
    await server?.close();
    client?.destroy();
  }
}
