import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { IncompleteRefreshError } from '../errors/incomplete-refresh-error';
import { TransientError } from '../errors/transient-error';
import { classifyOidcError } from './classify-oidc-error';
import { backoffDelay, DEFAULT_RETRY, type RetrySettings } from './retry-settings';

export interface RefreshGrant {
  region: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  loginCommand: string;
}

export interface RefreshedToken {
  accessToken: string;
  expiresIn: number;
  refreshToken?: string;
}

/** The seam between the engine and SSO OIDC; tests and benchmarks may pass another. */
export interface TokenRefresher {
  refresh(grant: RefreshGrant, signal?: AbortSignal, retry?: RetrySettings): Promise<RefreshedToken>;
  destroy(): void;
}

/**
 * CreateToken (grant refresh_token) through the AWS SDK, which honours AWS_ENDPOINT_URL_SSO_OIDC and
 * AWS_ENDPOINT_URL and does the bounded, jittered retries and per-attempt timeouts. The SDK is loaded
 * on first use only, so `status` never pays for it.
 */
export function createOidcRefresher(defaults: RetrySettings = DEFAULT_RETRY): TokenRefresher {
  const clients = new Map<string, SSOOIDCClient>();

  async function client(region: string, settings: RetrySettings): Promise<SSOOIDCClient> {
    const key = JSON.stringify([region, settings]);
    const existing = clients.get(key);
    if (existing) return existing;
    const [{ SSOOIDCClient }, { ConfiguredRetryStrategy }] = await Promise.all([
      import('@aws-sdk/client-sso-oidc'),
      import('@smithy/util-retry'),
    ]);
    const created = new SSOOIDCClient({
      region,
      retryStrategy: new ConfiguredRetryStrategy(settings.attempts, (attempt) =>
        backoffDelay(attempt, settings),
      ),
      requestHandler: {
        requestTimeout: settings.timeout,
        connectionTimeout: settings.timeout,
        throwOnRequestTimeout: true,
      },
    });
    clients.set(key, created);
    return created;
  }

  return {
    async refresh(grant, signal, retry = defaults) {
      const { CreateTokenCommand } = await import('@aws-sdk/client-sso-oidc');
      const oidc = await client(grant.region, retry);
      let response;
      try {
        response = await oidc.send(
          new CreateTokenCommand({
            clientId: grant.clientId,
            clientSecret: grant.clientSecret,
            grantType: 'refresh_token',
            refreshToken: grant.refreshToken,
          }),
          { abortSignal: signal },
        );
      } catch (error) {
        throw classifyOidcError(error, grant.loginCommand);
      }
      if (!response.accessToken || typeof response.expiresIn !== 'number' || response.expiresIn <= 0) {
        const message = 'refresh failed: the response had no accessToken or expiresIn';
        throw response.refreshToken
          ? new IncompleteRefreshError(message, response.refreshToken)
          : new TransientError(message);
      }
      return {
        accessToken: response.accessToken,
        expiresIn: response.expiresIn,
        refreshToken: response.refreshToken,
      };
    },
    destroy() {
      for (const c of clients.values()) c.destroy();
      clients.clear();
    },
  };
}
