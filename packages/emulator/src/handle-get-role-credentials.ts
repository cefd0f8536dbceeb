import { randomInt } from 'node:crypto';
import { ApiError } from './api-error';
import type { EmulatorContext } from './emulator-context';
import type { HandlerRequest } from './handler-request';
import { randomToken } from './random-token';
import { requireAccessToken } from './require-access-token';

const KEY_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** GET /federation/credentials (GetRoleCredentials). */
export function handleGetRoleCredentials(
  ctx: EmulatorContext,
  request: HandlerRequest,
): Record<string, unknown> {
  requireAccessToken(ctx, request);
  const roleName = request.query.get('role_name');
  const accountId = request.query.get('account_id');
  if (!roleName || !accountId)
    throw ApiError.portal('InvalidRequestException', 'role_name and account_id required', 400);
  if (ctx.deniedRoles.has(`${accountId}/${roleName}`))
    throw ApiError.portal('ForbiddenException', 'No access', 403);
  const secretAccessKey = randomToken('ers_', 30);
  const sessionToken = randomToken('est_', 96);
  ctx.secrets.record(secretAccessKey, sessionToken);
  const keySuffix = Array.from({ length: 16 }, () => KEY_ID_ALPHABET[randomInt(KEY_ID_ALPHABET.length)]).join(
    '',
  );
  return {
    roleCredentials: {
      accessKeyId: `ASIA${keySuffix}`,
      secretAccessKey,
      sessionToken,
      expiration: ctx.now() + ctx.settings.roleCredentialTtlSeconds * 1000,
    },
  };
}
