import { ApiError } from './api-error';
import type { EmulatorContext } from './emulator-context';
import type { HandlerRequest } from './handler-request';

/** The SSO portal takes the access token in `x-amz-sso_bearer_token`; a dead one is 401 UnauthorizedException. */
export function requireAccessToken(ctx: EmulatorContext, { headers }: HandlerRequest): void {
  const header = headers['x-amz-sso_bearer_token'];
  const token = Array.isArray(header) ? header[0] : header;
  if (!ctx.tokens.isAccessTokenLive(token, ctx.now())) {
    throw ApiError.portal('UnauthorizedException', 'Session token not found or invalid', 401);
  }
}
