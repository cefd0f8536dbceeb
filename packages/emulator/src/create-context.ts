import { AuthorizationCodeStore } from './authorization-code-store';
import { ClientRegistry } from './client-registry';
import { DEFAULT_ACCOUNTS } from './default-accounts';
import { DeviceStore } from './device-store';
import type { EmulatorContext } from './emulator-context';
import type { EmulatorOptions } from './emulator-options';
import { FaultQueue } from './fault-queue';
import { generateAccounts } from './generate-accounts';
import { SecretLog } from './secret-log';
import { TokenStore } from './token-store';

/** Fresh emulator state with option defaults applied. */
export function createContext(options: EmulatorOptions): EmulatorContext {
  const secrets = new SecretLog(options.secretHistoryLimit ?? 50_000);
  if (options.accountCount !== undefined && options.accounts !== undefined) {
    throw new Error('pass either accounts or accountCount, not both');
  }
  const listPageSize = options.listPageSize ?? 20;
  if (!Number.isInteger(listPageSize) || listPageSize < 1)
    throw new Error('listPageSize must be a positive integer');
  return {
    settings: {
      accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
      rotateRefreshTokens: options.rotateRefreshTokens ?? true,
      latencyMs: options.latencyMs ?? 0,
      registrationTtlSeconds: options.registrationTtlSeconds ?? 90 * 24 * 3600,
      roleCredentialTtlSeconds: options.roleCredentialTtlSeconds ?? 3600,
      deviceCodeTtlSeconds: options.deviceCodeTtlSeconds ?? 600,
      deviceInterval: options.deviceInterval ?? 1,
      accounts:
        options.accountCount !== undefined
          ? generateAccounts(options.accountCount)
          : (options.accounts ?? DEFAULT_ACCOUNTS),
      listPageSize,
      authorizeAnswer: options.authorizeAnswer ?? 'approve',
    },
    clients: new ClientRegistry(secrets),
    tokens: new TokenStore(secrets),
    devices: new DeviceStore(secrets),
    codes: new AuthorizationCodeStore(secrets),
    secrets,
    faults: new FaultQueue(),
    calls: {
      registerClient: 0,
      startDeviceAuthorization: 0,
      authorize: 0,
      createToken: { refresh_token: 0, device_code: 0, authorization_code: 0 },
      refreshByClient: {},
      getRoleCredentials: 0,
      invalidGrant: 0,
    },
    deniedRoles: new Set(),
    url: '',
    now: () => Date.now(),
  };
}
