import {
  ListAccountRolesCommand,
  ListAccountsCommand,
  paginateListAccountRoles,
  paginateListAccounts,
} from '@aws-sdk/client-sso';
import type { Emulator } from './emulator';
import { handleListAccounts } from './handle-list-accounts';
import { startEmulator } from './start-emulator';
import { createSsoClient } from './test-support/create-sso-client';

const ACCOUNTS = [
  { accountId: '333333333333', accountName: 'sandbox', emailAddress: 's@example.com', roleNames: ['A', 'B'] },
];
const START = { startUrl: 'https://x.awsapps.com/start', region: 'us-east-1' };

describe(handleListAccounts.name, () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ accounts: ACCOUNTS });
  });
  afterAll(() => emulator.close());

  it('lists the configured accounts and their roles for a live access token', async () => {
    const sso = createSsoClient(emulator.url);
    const { accessToken } = emulator.seedLogin(START);
    const accounts = await sso.send(new ListAccountsCommand({ accessToken }));
    expect(accounts.accountList).toEqual([
      { accountId: '333333333333', accountName: 'sandbox', emailAddress: 's@example.com' },
    ]);
    expect(accounts.nextToken).toBeUndefined();
    const roles = await sso.send(new ListAccountRolesCommand({ accessToken, accountId: '333333333333' }));
    expect(roles.roleList).toEqual([
      { roleName: 'A', accountId: '333333333333' },
      { roleName: 'B', accountId: '333333333333' },
    ]);
  });

  it('answers UnauthorizedException without a live access token', async () => {
    const sso = createSsoClient(emulator.url);
    await expect(sso.send(new ListAccountsCommand({ accessToken: 'aoa_nope' }))).rejects.toMatchObject({
      name: 'UnauthorizedException',
    });
  });
});

describe('paging', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ accountCount: 45, listPageSize: 20 });
  });
  afterAll(() => emulator.close());

  it('pages 45 generated accounts 20 at a time through the SDK paginator', async () => {
    const client = createSsoClient(emulator.url);
    const { accessToken } = emulator.seedLogin(START);
    const pages = [];
    for await (const page of paginateListAccounts({ client }, { accessToken })) pages.push(page);
    expect(pages.map((p) => p.accountList?.length)).toEqual([20, 20, 5]);
    const ids = pages.flatMap((p) => p.accountList!.map((a) => a.accountId));
    expect(new Set(ids).size).toBe(45);
    expect(ids[0]).toBe('100000000001');
  });

  it('honours max_result for roles, and refuses a next_token from another list', async () => {
    const client = createSsoClient(emulator.url);
    const { accessToken } = emulator.seedLogin(START);
    const accountId = '100000000003'; // the third role set: three roles
    const roles = [];
    for await (const page of paginateListAccountRoles({ client, pageSize: 1 }, { accessToken, accountId }))
      roles.push(...page.roleList!.map((r) => r.roleName));
    expect(roles).toEqual(['PowerUserAccess', 'ViewOnlyAccess', 'Billing']);
    const first = await client.send(new ListAccountsCommand({ accessToken, maxResults: 2 }));
    await expect(
      client.send(new ListAccountRolesCommand({ accessToken, accountId, nextToken: first.nextToken })),
    ).rejects.toMatchObject({ name: 'InvalidRequestException' });
  });
});
