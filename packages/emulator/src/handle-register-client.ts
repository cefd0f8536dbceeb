import { ApiError } from './api-error';
import type { EmulatorContext } from './emulator-context';
import type { HandlerRequest } from './handler-request';

const REFRESH_SCOPE = 'sso:account:access';
const GRANT_TYPES = ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code'];

function stringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((s) => typeof s === 'string');
}

/** A redirect URI AWS accepts for a native client: http(s), no fragment (RFC 8252 section 7.3). */
function validRedirectUri(uri: string): boolean {
  try {
    const url = new URL(uri);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hash === '';
  } catch {
    return false;
  }
}

/**
 * POST /client/register (RegisterClient). The AWS CLI since 2.22 registers authorization-code clients with
 * `grantTypes [authorization_code, refresh_token]`, `redirectUris [http://127.0.0.1/oauth/callback]` and
 * `issuerUrl` = the start URL; older clients send only name, type and scopes (device code).
 */
export function handleRegisterClient(
  ctx: EmulatorContext,
  { body }: HandlerRequest,
): Record<string, unknown> {
  const { clientName, clientType, scopes, grantTypes, redirectUris, issuerUrl } = body;
  if (typeof clientName !== 'string' || clientName === '') {
    throw ApiError.oidc('InvalidRequestException', 'clientName is required');
  }
  if (clientType !== 'public') {
    throw ApiError.oidc('InvalidClientMetadataException', 'clientType must be public');
  }
  if (scopes !== undefined && !stringList(scopes)) {
    throw ApiError.oidc('InvalidScopeException', 'scopes must be a list of strings');
  }
  if (
    grantTypes !== undefined &&
    !(stringList(grantTypes) && grantTypes.every((g) => GRANT_TYPES.includes(g)))
  ) {
    throw ApiError.oidc('UnsupportedGrantTypeException', 'grantTypes has an unsupported grant type');
  }
  const authCode = grantTypes?.includes('authorization_code') ?? false;
  if (redirectUris !== undefined && !(stringList(redirectUris) && redirectUris.every(validRedirectUri))) {
    throw ApiError.oidc(
      'InvalidRedirectUriException',
      'redirectUris must be http(s) URIs without a fragment',
    );
  }
  if (authCode && (!redirectUris || redirectUris.length === 0)) {
    throw ApiError.oidc('InvalidRedirectUriException', 'the authorization_code grant needs redirectUris');
  }
  if (authCode && typeof issuerUrl !== 'string') {
    throw ApiError.oidc('InvalidRequestException', 'the authorization_code grant needs issuerUrl');
  }
  // No scopes at all also gets refresh tokens, so the default matches what `aws sso login` registers.
  const refreshScope = !scopes || scopes.length === 0 || scopes.includes(REFRESH_SCOPE);
  const issuesRefreshTokens = refreshScope && (!grantTypes || grantTypes.includes('refresh_token'));
  const client = ctx.clients.register(issuesRefreshTokens, ctx.settings.registrationTtlSeconds, ctx.now(), {
    grantTypes: grantTypes ?? [],
    redirectUris: redirectUris ?? [],
    scopes: scopes ?? [],
    ...(typeof issuerUrl === 'string' && { issuerUrl }),
  });
  return {
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    clientIdIssuedAt: Math.floor(client.issuedAtMs / 1000),
    clientSecretExpiresAt: Math.floor(client.expiresAtMs / 1000),
  };
}
