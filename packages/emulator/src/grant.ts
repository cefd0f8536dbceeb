/** One login (device authorization or seeded) and the access tokens issued under it, newest last. */
export interface Grant {
  clientId: string;
  accessTokens: string[];
}
