/** Role credentials from GetRoleCredentials, in the AWS SDK's credential identity shape. Secret: never log them. */
export interface RoleCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}
