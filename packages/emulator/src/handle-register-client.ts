import { ApiError } from './api-error';
import type { EmulatorContext } from './emulator-context';
import type { HandlerRequest } from './handler-request';

const REFRESH_SCOPE = 'sso:account:access';

/** POST /client/register (RegisterClient). */
export function handleRegisterClient(
  ctx: EmulatorContext,
  { body }: HandlerRequest,
): Record<string, unknown> {
  const { clientName, clientType, scopes } = body;
  if (typeof clientName !== 'string' || clientName === '') {
    throw ApiError.oidc('InvalidRequestException', 'clientName is required');
  }
  if (clientType !== 'public') {
    throw ApiError.oidc('InvalidClientMetadataException', 'clientType must be public');
  }
  if (scopes !== undefined && !(Array.isArray(scopes) && scopes.every((s) => typeof s === 'string'))) {
    throw ApiError.oidc('InvalidScopeException', 'scopes must be a list of strings');
  }
  // No scopes at all also gets refresh tokens, so the default matches what `aws sso login` registers.
  const issuesRefreshTokens = !scopes || scopes.length === 0 || scopes.includes(REFRESH_SCOPE);
  const client = ctx.clients.register(issuesRefreshTokens, ctx.settings.registrationTtlSeconds, ctx.now());
  return {
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    clientIdIssuedAt: Math.floor(client.issuedAtMs / 1000),
    clientSecretExpiresAt: Math.floor(client.expiresAtMs / 1000),
  };
}
