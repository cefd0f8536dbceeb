import { ApiError } from './api-error';
import type { EmulatorContext } from './emulator-context';
import type { HandlerRequest } from './handler-request';
import { requireAccessToken } from './require-access-token';

/** GET /assignment/roles (ListAccountRoles), unpaginated. */
export function handleListAccountRoles(
  ctx: EmulatorContext,
  request: HandlerRequest,
): Record<string, unknown> {
  requireAccessToken(ctx, request);
  const accountId = request.query.get('account_id');
  if (!accountId) throw ApiError.portal('InvalidRequestException', 'account_id required', 400);
  const account = ctx.settings.accounts.find((a) => a.accountId === accountId);
  return { roleList: (account?.roleNames ?? []).map((roleName) => ({ roleName, accountId })) };
}
