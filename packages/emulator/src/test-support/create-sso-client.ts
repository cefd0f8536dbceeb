import { SSOClient } from '@aws-sdk/client-sso';

/** A real SDK portal client pointed at the emulator; one attempt, so injected faults reach the test unretried. */
export function createSsoClient(url: string): SSOClient {
  return new SSOClient({ region: 'us-east-1', endpoint: url, maxAttempts: 1 });
}
