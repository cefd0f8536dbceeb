import { ListAccountRolesCommand, ListAccountsCommand } from '@aws-sdk/client-sso';
import type { Emulator } from './emulator';
import { handleListAccounts } from './handle-list-accounts';
import { startEmulator } from './start-emulator';
import { createSsoClient } from './test-support/create-sso-client';

const ACCOUNTS = [
  { accountId: '333333333333', accountName: 'sandbox', emailAddress: 's@example.com', roleNames: ['A', 'B'] },
];

describe(handleListAccounts.name, () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ accounts: ACCOUNTS });
  });
  afterAll(() => emulator.close());

  it('lists the configured accounts and their roles for a live access token', async () => {
    const sso = createSsoClient(emulator.url);
    const { accessToken } = emulator.seedLogin({
      startUrl: 'https://x.awsapps.com/start',
      region: 'us-east-1',
    });
    const accounts = await sso.send(new ListAccountsCommand({ accessToken }));
    expect(accounts.accountList).toEqual([
      { accountId: '333333333333', accountName: 'sandbox', emailAddress: 's@example.com' },
    ]);
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
