/** One role a person may assume in one account, as the SSO portal lists them. */
export interface AccountRole {
  accountId: string;
  accountName: string;
  roleName: string;
}
