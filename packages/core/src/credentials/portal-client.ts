import { createAwsClients, DEFAULT_RETRY, type AwsClients, type RetrySettings } from '../engine/aws-clients';
import type { CredentialsFailure } from '../errors';
import type { RoleCredentials } from './role-cache';

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
export function createPortalClient(
  retry: RetrySettings = DEFAULT_RETRY,
  clients: AwsClients = createAwsClients(),
): RoleCredentialsFetcher {
  return {
    async fetch(request, signal) {
      const { GetRoleCredentialsCommand } = await import('@aws-sdk/client-sso');
      const sso = await clients.sso(request.region, retry);
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
    destroy: () => clients.destroy(),
  };
}

interface SdkErrorLike {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

export interface PortalTarget {
  accountId: string;
  roleName: string;
  loginCommand: string;
}

/** Turns what GetRoleCredentials threw (after the SDK's own retries) into a failure a person can act on. */
export function classifyPortalError(error: unknown, target: PortalTarget): CredentialsFailure {
  const e = (error ?? {}) as SdkErrorLike;
  const name = e.name ?? 'Error';
  const status = e.$metadata?.httpStatusCode;
  const role = `role ${target.roleName} in account ${target.accountId}`;
  if (status === 401 || name === 'UnauthorizedException') {
    const message = `the SSO portal rejected the access token (${name}); it was revoked or replaced: run ${target.loginCommand}`;
    return { kind: 'login_required', message, command: target.loginCommand };
  }
  if (status === 403 || status === 404 || name === 'ForbiddenException') {
    return {
      kind: 'forbidden',
      message: `${role} is not assigned to you (${status ? `HTTP ${status} ` : ''}${name}); check sso_account_id and sso_role_name, or ask for the assignment`,
    };
  }
  if (status === 429 || name === 'TooManyRequestsException') {
    return {
      kind: 'throttled',
      message: `the SSO portal is throttling GetRoleCredentials (${name}) and the retries ran out; try again in a minute`,
    };
  }
  if (status === 400) {
    return {
      kind: 'config',
      message: `the SSO portal refused ${role} (HTTP 400 ${name}); check sso_account_id and sso_role_name`,
    };
  }
  // The SDK re-wraps an error from another realm (a vm context, as under jest) as "AWS SDK error wrapper
  // for Error: connect ECONNREFUSED ...", keeping the errno code only in the message.
  const code = e.code ?? /\b(E[A-Z]{3,})\b/.exec(e.message ?? '')?.[1];
  const where = status ? `HTTP ${status} ${name}` : (code ?? name);
  return {
    kind: 'unavailable',
    message: `GetRoleCredentials for ${role} failed (${where}); try again later`,
  };
}
