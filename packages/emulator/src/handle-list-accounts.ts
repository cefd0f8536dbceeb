import type { EmulatorContext } from './emulator-context';
import type { HandlerRequest } from './handler-request';
import { requireAccessToken } from './require-access-token';

/** GET /assignment/accounts (ListAccounts), unpaginated. */
export function handleListAccounts(ctx: EmulatorContext, request: HandlerRequest): Record<string, unknown> {
  requireAccessToken(ctx, request);
  return {
    accountList: ctx.settings.accounts.map(({ accountId, accountName, emailAddress }) => ({
      accountId,
      accountName,
      emailAddress,
    })),
  };
}
