/**
 * The values `contractEvent` uses. `secrets` stand for a token, refresh token, client secret and role
 * credentials, smuggled into events under the names a careless publisher might use: no payload,
 * error or log line may ever contain one. `login` is the code and link only private notifiers show.
 */
export const CONTRACT_VALUES = {
  session: 'contract-session',
  login: { userCode: 'CNTR-LGN7', verificationUri: 'https://device.contract.example/verify' },
  secrets: {
    accessToken: 'contract-access-token-4QF7',
    refreshToken: 'contract-refresh-token-9XZ2',
    clientSecret: 'contract-client-secret-K3PL',
    secretAccessKey: 'contract-secret-access-key-M8RD',
    sessionToken: 'contract-role-session-token-T5WA',
  },
} as const;
