import type { AccountRole } from './account-role';

export interface ListAccountRolesOptions {
  signal?: AbortSignal;
  /** Accounts whose roles are listed at once; the portal throttles, the SDK retries 429 itself. */
  concurrency?: number;
}

/**
 * Every account and role the access token may use, through the SSO portal's ListAccounts and
 * ListAccountRoles with their paging (the SDK's paginators follow `nextToken`). The SDK is loaded on first
 * use and honours AWS_ENDPOINT_URL_SSO. Sorted by account name, then role, so output is stable.
 */
export async function listAccountRoles(
  accessToken: string,
  region: string,
  options: ListAccountRolesOptions = {},
): Promise<AccountRole[]> {
  const sdk = await import('@aws-sdk/client-sso');
  const client = new sdk.SSOClient({ region });
  try {
    const accounts: { accountId: string; accountName: string }[] = [];
    for await (const page of sdk.paginateListAccounts({ client }, { accessToken })) {
      for (const a of page.accountList ?? []) {
        if (a.accountId) accounts.push({ accountId: a.accountId, accountName: a.accountName ?? a.accountId });
      }
      if (options.signal?.aborted) throw options.signal.reason;
    }
    const roles: AccountRole[] = [];
    let next = 0;
    const worker = async () => {
      while (next < accounts.length) {
        const account = accounts[next++];
        const pages = sdk.paginateListAccountRoles({ client }, { accessToken, accountId: account.accountId });
        for await (const page of pages) {
          for (const r of page.roleList ?? [])
            if (r.roleName) roles.push({ ...account, roleName: r.roleName });
          if (options.signal?.aborted) throw options.signal.reason;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
    return roles.sort(
      (a, b) =>
        a.accountName.localeCompare(b.accountName) ||
        a.accountId.localeCompare(b.accountId) ||
        a.roleName.localeCompare(b.roleName),
    );
  } finally {
    client.destroy();
  }
}
