import type { SSOClient } from '@aws-sdk/client-sso';
import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';

/** How hard to try one AWS call. All durations in milliseconds. */
export interface RetrySettings {
  attempts: number;
  baseDelay: number;
  maxDelay: number;
  /** Per attempt. */
  timeout: number;
}

export const DEFAULT_RETRY: RetrySettings = { attempts: 4, baseDelay: 2000, maxDelay: 60000, timeout: 15000 };

/**
 * A session's retry settings as one object: supervisor.yaml keeps `retry` and `timeout` apart, every AWS
 * call wants them together.
 */
export function retrySettings(settings: {
  retry: Omit<RetrySettings, 'timeout'>;
  timeout: number;
}): RetrySettings {
  const { attempts, baseDelay, maxDelay } = settings.retry;
  return { attempts, baseDelay, maxDelay, timeout: settings.timeout };
}

/** Exponential backoff with "equal jitter": half fixed, half random, so many sessions do not retry in step. */
export function backoffDelay(
  attempt: number,
  settings: RetrySettings,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(settings.maxDelay, settings.baseDelay * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** SSO OIDC (CreateToken, device logins) and SSO portal (GetRoleCredentials) clients, made on demand. */
export interface AwsClients {
  oidc(region: string, retry: RetrySettings): Promise<SSOOIDCClient>;
  sso(region: string, retry: RetrySettings): Promise<SSOClient>;
  /** Closes every client made so far; later calls make new ones. */
  destroy(): void;
}

/** The client options both services share: our bounded, jittered retries and a per-attempt timeout. */
async function clientOptions(region: string, retry: RetrySettings) {
  const { ConfiguredRetryStrategy } = await import('@smithy/util-retry');
  return {
    region,
    retryStrategy: new ConfiguredRetryStrategy(retry.attempts, (attempt) => backoffDelay(attempt, retry)),
    requestHandler: {
      requestTimeout: retry.timeout,
      connectionTimeout: retry.timeout,
      throwOnRequestTimeout: true,
    },
  };
}

/**
 * The one place SSO OIDC and SSO clients are built, one per service, region and settings. The SDK is
 * imported on first use only, so `status` and a role-cache hit never load it. No endpoint is passed: the
 * SDK honours AWS_ENDPOINT_URL_SSO_OIDC, AWS_ENDPOINT_URL_SSO and AWS_ENDPOINT_URL itself.
 */
export function createAwsClients(): AwsClients {
  const clients = new Map<string, Promise<SSOOIDCClient | SSOClient>>();

  function cached<C extends SSOOIDCClient | SSOClient>(key: unknown[], make: () => Promise<C>): Promise<C> {
    const id = JSON.stringify(key);
    let client = clients.get(id);
    if (!client) {
      client = make();
      clients.set(id, client);
      // A failed import is not kept: the next call tries again.
      client.catch(() => clients.delete(id));
    }
    return client as Promise<C>;
  }

  return {
    oidc: (region, retry) =>
      cached(['oidc', region, retry], async () => {
        const [{ SSOOIDCClient }, options] = await Promise.all([
          import('@aws-sdk/client-sso-oidc'),
          clientOptions(region, retry),
        ]);
        return new SSOOIDCClient(options);
      }),
    sso: (region, retry) =>
      cached(['sso', region, retry], async () => {
        const [{ SSOClient }, options] = await Promise.all([
          import('@aws-sdk/client-sso'),
          clientOptions(region, retry),
        ]);
        return new SSOClient(options);
      }),
    destroy() {
      const made = [...clients.values()];
      clients.clear();
      for (const client of made) void client.then((c) => c.destroy()).catch(() => undefined);
    },
  };
}
