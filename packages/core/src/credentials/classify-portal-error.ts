import type { CredentialsFailure } from './credentials-failure';

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
