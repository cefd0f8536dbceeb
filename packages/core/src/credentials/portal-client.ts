import type { SSOClient } from '@aws-sdk/client-sso';
import { backoffDelay, DEFAULT_RETRY, type RetrySettings } from '../engine/retry-settings';
import { classifyPortalError, type PortalTarget } from './classify-portal-error';
import type { CredentialsFailure } from './credentials-failure';
import type { RoleCredentials } from './role-credentials';

export interface RoleRequest extends PortalTarget {
  region: string;
  accessToken: string;
}

export type RoleFetch =
  { ok: true; credentials: RoleCredentials } | { ok: false; failure: CredentialsFailure };

/** The seam between the credential pipeline and the SSO portal; tests may pass another. */
export interface RoleCredentialsFetcher {
  fetch(request: RoleRequest, signal?: AbortSignal): Promise<RoleFetch>;
  destroy(): void;
}

/**
 * GetRoleCredentials through the AWS SDK, loaded on first use so a role-cache hit never pays for it.
 * No endpoint is passed, so the SDK honours AWS_ENDPOINT_URL_SSO and AWS_ENDPOINT_URL itself.
 */
export function createPortalClient(retry: RetrySettings = DEFAULT_RETRY): RoleCredentialsFetcher {
  const clients = new Map<string, SSOClient>();

  async function client(region: string): Promise<SSOClient> {
    const existing = clients.get(region);
    if (existing) return existing;
    const [{ SSOClient }, { ConfiguredRetryStrategy }] = await Promise.all([
      import('@aws-sdk/client-sso'),
      import('@smithy/util-retry'),
    ]);
    const created = new SSOClient({
      region,
      retryStrategy: new ConfiguredRetryStrategy(retry.attempts, (attempt) => backoffDelay(attempt, retry)),
      requestHandler: {
        requestTimeout: retry.timeout,
        connectionTimeout: retry.timeout,
        throwOnRequestTimeout: true,
      },
    });
    clients.set(region, created);
    return created;
  }

  return {
    async fetch(request, signal) {
      const { GetRoleCredentialsCommand } = await import('@aws-sdk/client-sso');
      const sso = await client(request.region);
      let response;
      try {
        response = await sso.send(
          new GetRoleCredentialsCommand({
            accessToken: request.accessToken,
            accountId: request.accountId,
            roleName: request.roleName,
          }),
          { abortSignal: signal },
        );
      } catch (error) {
        return { ok: false, failure: classifyPortalError(error, request) };
      }
      const c = response.roleCredentials;
      if (!c?.accessKeyId || !c.secretAccessKey || !c.sessionToken || typeof c.expiration !== 'number') {
        const message = 'GetRoleCredentials answered without complete role credentials; try again later';
        return { ok: false, failure: { kind: 'unavailable', message } };
      }
      return {
        ok: true,
        credentials: {
          accessKeyId: c.accessKeyId,
          secretAccessKey: c.secretAccessKey,
          sessionToken: c.sessionToken,
          expiration: new Date(c.expiration),
        },
      };
    },
    destroy() {
      for (const c of clients.values()) c.destroy();
      clients.clear();
    },
  };
}
