/** An account and the roles the emulated user is assigned in it (what ListAccounts/ListAccountRoles return). */
export interface EmulatorAccount {
  accountId: string;
  accountName: string;
  emailAddress: string;
  roleNames: string[];
}
