/** Which operation a fault applies to; '*' matches every operation. */
export type FaultTarget =
  | 'createToken'
  | 'registerClient'
  | 'startDeviceAuthorization'
  | 'authorize'
  | 'getRoleCredentials'
  | 'listAccounts'
  | 'listAccountRoles'
  | '*';
