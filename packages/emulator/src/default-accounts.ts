import type { EmulatorAccount } from './emulator-account';

export const DEFAULT_ACCOUNTS: EmulatorAccount[] = [
  {
    accountId: '111111111111',
    accountName: 'emulated-dev',
    emailAddress: 'dev@example.com',
    roleNames: ['AdministratorAccess', 'ReadOnlyAccess'],
  },
  {
    accountId: '222222222222',
    accountName: 'emulated-prod',
    emailAddress: 'prod@example.com',
    roleNames: ['ReadOnlyAccess'],
  },
];
