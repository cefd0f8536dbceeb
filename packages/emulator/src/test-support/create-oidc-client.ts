import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';

/** A real SDK client pointed at the emulator; one attempt, so injected faults reach the test unretried. */
export function createOidcClient(url: string, requestTimeout?: number): SSOOIDCClient {
  return new SSOOIDCClient({
    region: 'us-east-1',
    endpoint: url,
    maxAttempts: 1,
    ...(requestTimeout !== undefined && { requestHandler: { requestTimeout, throwOnRequestTimeout: true } }),
  });
}
