import { ApiError } from './api-error';
import type { EmulatorContext } from './emulator-context';
import type { HandlerRequest } from './handler-request';
import { pageOf } from './page-of';
import { requireAccessToken } from './require-access-token';

/** GET /assignment/roles (ListAccountRoles), paged with `max_result` / `next_token`. */
export function handleListAccountRoles(
  ctx: EmulatorContext,
  request: HandlerRequest,
): Record<string, unknown> {
  requireAccessToken(ctx, request);
  const accountId = request.query.get('account_id');
  if (!accountId) throw ApiError.portal('InvalidRequestException', 'account_id required', 400);
  const account = ctx.settings.accounts.find((a) => a.accountId === accountId);
  const roles = (account?.roleNames ?? []).map((roleName) => ({ roleName, accountId }));
  const { page, nextToken } = pageOf(roles, request.query, ctx.settings.listPageSize, `roles:${accountId}`);
  return { roleList: page, ...(nextToken && { nextToken }) };
}
