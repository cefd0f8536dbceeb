import type { EmulatorAccount } from './emulator-account';

/** Options after defaults; the mutable ones change through the Emulator's setters. */
export interface EmulatorSettings {
  accessTokenTtlSeconds: number;
  rotateRefreshTokens: boolean;
  latencyMs: number;
  registrationTtlSeconds: number;
  roleCredentialTtlSeconds: number;
  deviceCodeTtlSeconds: number;
  deviceInterval: number;
  accounts: EmulatorAccount[];
  listPageSize: number;
  authorizeAnswer: 'approve' | 'deny';
}
