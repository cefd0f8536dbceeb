import { ApiError } from './api-error';
import type { EmulatorContext } from './emulator-context';
import type { HandlerRequest } from './handler-request';
import { issueTokens } from './issue-tokens';
import { redeemAuthorizationCode } from './redeem-authorization-code';
import type { RegisteredClient } from './registered-client';

const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

function redeemDeviceCode(ctx: EmulatorContext, client: RegisteredClient, deviceCode: unknown, now: number) {
  const authorization = ctx.devices.find(deviceCode);
  if (!authorization || authorization.clientId !== client.clientId) {
    throw ApiError.oidc('InvalidGrantException', 'Invalid device code provided');
  }
  if (authorization.expiresAtMs <= now)
    throw ApiError.oidc('ExpiredTokenException', 'Device code has expired');
  if (authorization.status === 'denied') {
    ctx.devices.remove(authorization);
    throw ApiError.oidc('AccessDeniedException', 'Authorization was denied');
  }
  if (authorization.status === 'pending') {
    const tooFast =
      authorization.lastPollMs !== undefined &&
      now - authorization.lastPollMs < authorization.intervalSeconds * 1000;
    authorization.lastPollMs = now;
    if (tooFast) throw ApiError.oidc('SlowDownException', 'Client is polling too quickly');
    throw ApiError.oidc('AuthorizationPendingException', 'Authorization is still pending');
  }
  ctx.devices.remove(authorization);
  return issueTokens(ctx, { clientId: client.clientId, accessTokens: [] }, client.issuesRefreshTokens);
}

function redeemRefreshToken(
  ctx: EmulatorContext,
  client: RegisteredClient,
  refreshToken: unknown,
  now: number,
) {
  const grant = ctx.tokens.grantFor(refreshToken, client.clientId);
  if (!grant) {
    ctx.calls.invalidGrant += 1;
    throw ApiError.oidc('InvalidGrantException', 'Invalid refresh token provided');
  }
  const ttlSeconds = ctx.settings.accessTokenTtlSeconds;
  const accessToken = ctx.tokens.issueAccessToken(grant, ttlSeconds, now);
  let nextRefreshToken = refreshToken as string;
  if (ctx.settings.rotateRefreshTokens) {
    ctx.tokens.revokeRefreshToken(nextRefreshToken);
    nextRefreshToken = ctx.tokens.issueRefreshToken(grant);
  }
  return { accessToken, tokenType: 'Bearer', expiresIn: ttlSeconds, refreshToken: nextRefreshToken };
}

/** POST /token (CreateToken) for the device-code, authorization-code and refresh-token grants. */
export function handleCreateToken(ctx: EmulatorContext, { body }: HandlerRequest): Record<string, unknown> {
  const { clientId, clientSecret, grantType } = body;
  if (typeof clientId !== 'string' || typeof clientSecret !== 'string' || typeof grantType !== 'string') {
    throw ApiError.oidc('InvalidRequestException', 'clientId, clientSecret and grantType are required');
  }
  const now = ctx.now();
  const client = ctx.clients.authenticate(clientId, clientSecret, now);
  if (!client) throw ApiError.oidc('InvalidClientException', 'Invalid client provided', 401);
  if (grantType === DEVICE_CODE_GRANT) return redeemDeviceCode(ctx, client, body.deviceCode, now);
  if (grantType === 'authorization_code') return redeemAuthorizationCode(ctx, client, body, now);
  if (grantType === 'refresh_token') return redeemRefreshToken(ctx, client, body.refreshToken, now);
  throw ApiError.oidc('UnsupportedGrantTypeException', `Unsupported grant type ${grantType}`);
}
