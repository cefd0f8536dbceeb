import type { EmulatorAccount } from './emulator-account';

const ROLE_SETS = [
  ['AdministratorAccess', 'ReadOnlyAccess'],
  ['ReadOnlyAccess'],
  ['PowerUserAccess', 'ViewOnlyAccess', 'Billing'],
];

/**
 * `count` accounts for tests of paging and profile sync across an organisation: 12-digit ids from
 * 100000000001, names `account-001`..., and one to three roles each, so role lists differ in length.
 */
export function generateAccounts(count: number): EmulatorAccount[] {
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`accountCount must be a non-negative integer, got ${count}`);
  const width = Math.max(3, String(count).length);
  return Array.from({ length: count }, (_, i) => ({
    accountId: String(100000000001 + i),
    accountName: `account-${String(i + 1).padStart(width, '0')}`,
    emailAddress: `account-${i + 1}@example.com`,
    roleNames: [...ROLE_SETS[i % ROLE_SETS.length]],
  }));
}
