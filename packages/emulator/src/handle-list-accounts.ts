import type { EmulatorContext } from './emulator-context';
import type { HandlerRequest } from './handler-request';
import { pageOf } from './page-of';
import { requireAccessToken } from './require-access-token';

/** GET /assignment/accounts (ListAccounts), paged with `max_result` / `next_token`. */
export function handleListAccounts(ctx: EmulatorContext, request: HandlerRequest): Record<string, unknown> {
  requireAccessToken(ctx, request);
  const { page, nextToken } = pageOf(
    ctx.settings.accounts,
    request.query,
    ctx.settings.listPageSize,
    'accounts',
  );
  return {
    accountList: page.map(({ accountId, accountName, emailAddress }) => ({
      accountId,
      accountName,
      emailAddress,
    })),
    ...(nextToken && { nextToken }),
  };
}
