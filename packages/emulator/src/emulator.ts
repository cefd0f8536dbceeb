import type { Fault } from './fault';
import type { FaultTarget } from './fault-target';

/** A running emulator. Every token it hands out is random and lives in memory until it is dead. */
export interface Emulator {
  /** http://127.0.0.1:PORT, the endpoint for both SSO OIDC and the SSO portal. */
  url: string;
  /** Endpoint variables the AWS SDK for JavaScript v3 honours (the AWS CLI 2.9 does not: see writeAwsCliDataPath). */
  env(): { AWS_ENDPOINT_URL_SSO_OIDC: string; AWS_ENDPOINT_URL_SSO: string };
  /**
   * Registers a client and issues tokens as if `aws sso login` had just run. The result has the cache file's
   * keys in the order botocore writes them.
   */
  seedLogin(input: {
    startUrl: string;
    region: string;
    /** Lifetime of this access token only; refreshed ones get the emulator-wide lifetime. */
    accessTokenTtlSeconds?: number;
    registrationTtlSeconds?: number;
    /** Default true. */
    withRefreshToken?: boolean;
  }): {
    startUrl: string;
    region: string;
    accessToken: string;
    expiresAt: Date;
    clientId: string;
    clientSecret: string;
    registrationExpiresAt: Date;
    refreshToken?: string;
  };
  /** Requests received per operation, faulted ones included. */
  calls: {
    registerClient: number;
    startDeviceAuthorization: number;
    /** GET /authorize requests (browser visits), whatever their answer. */
    authorize: number;
    createToken: { refresh_token: number; device_code: number; authorization_code: number };
    /** CreateToken with grant refresh_token, per clientId: which session called, since each login registers its own client. */
    refreshByClient: Record<string, number>;
    getRoleCredentials: number;
    /** CreateToken refresh_token answered InvalidGrantException: a spent (rotated) or revoked refresh token. */
    invalidGrant: number;
  };
  resetCalls(): void;
  /** The next `times` (default 1) requests to `target` get `fault`. Faults queue in the order injected. */
  injectFault(target: FaultTarget, fault: Fault, times?: number): void;
  clearFaults(): void;
  setLatency(ms: number): void;
  /** Lifetime of access tokens issued from now on. */
  setAccessTokenTtl(seconds: number): void;
  revokeRefreshToken(refreshToken: string): void;
  revokeAllRefreshTokens(): void;
  /** The registration expires now: CreateToken with it gets InvalidClientException. */
  expireRegistration(clientId: string): void;
  pendingDeviceAuthorizations(): { userCode: string; startUrl: string }[];
  approveDevice(userCode: string): void;
  denyDevice(userCode: string): void;
  /** What the emulated person does at the authorize page from now on: approve (redirect with a code) or deny. */
  setAuthorizeAnswer(answer: 'approve' | 'deny'): void;
  /** GetRoleCredentials for this pair gets 403 ForbiddenException. */
  denyRole(accountId: string, roleName: string): void;
  /** Every secret issued (newest `secretHistoryLimit`), for scanning output and logs for leaks. */
  issuedSecrets(): string[];
  /** Live entries held in memory; stays flat under endless refreshing. */
  stateSize(): {
    clients: number;
    accessTokens: number;
    refreshTokens: number;
    deviceAuthorizations: number;
    authorizationCodes: number;
  };
  /** Stops listening, destroys open sockets and drops held requests. */
  close(): Promise<void>;
}
