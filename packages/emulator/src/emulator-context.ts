import type { AuthorizationCodeStore } from './authorization-code-store';
import type { ClientRegistry } from './client-registry';
import type { DeviceStore } from './device-store';
import type { Emulator } from './emulator';
import type { EmulatorSettings } from './emulator-settings';
import type { FaultQueue } from './fault-queue';
import type { SecretLog } from './secret-log';
import type { TokenStore } from './token-store';

/** Everything a request handler reads or changes. */
export interface EmulatorContext {
  settings: EmulatorSettings;
  clients: ClientRegistry;
  tokens: TokenStore;
  devices: DeviceStore;
  codes: AuthorizationCodeStore;
  secrets: SecretLog;
  faults: FaultQueue;
  calls: Emulator['calls'];
  /** "accountId/roleName" pairs GetRoleCredentials refuses. */
  deniedRoles: Set<string>;
  /** Base URL once listening, for the device verification links. */
  url: string;
  now(): number;
}
