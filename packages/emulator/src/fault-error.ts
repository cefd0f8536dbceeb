import { ApiError } from './api-error';
import type { Fault } from './fault';

const DEFAULT_TYPES: Record<'oidc' | 'portal', Record<number, string>> = {
  oidc: { 400: 'InvalidRequestException', 401: 'InvalidClientException', 403: 'AccessDeniedException' },
  portal: { 400: 'InvalidRequestException', 401: 'UnauthorizedException', 403: 'ForbiddenException' },
};

function defaultType(service: 'oidc' | 'portal', status: number): string {
  if (status === 429) return 'TooManyRequestsException';
  if (status >= 500) return 'InternalServerException';
  return DEFAULT_TYPES[service][status] ?? '';
}

/** The error response for a `status` fault, shaped like the service the route belongs to. */
export function faultError(service: 'oidc' | 'portal', fault: Extract<Fault, { kind: 'status' }>): ApiError {
  const errorType = fault.errorType ?? defaultType(service, fault.status);
  const description = `Injected fault: HTTP ${fault.status}`;
  return service === 'oidc'
    ? ApiError.oidc(errorType, description, fault.status, fault.retryAfterSeconds)
    : ApiError.portal(errorType, description, fault.status, fault.retryAfterSeconds);
}
