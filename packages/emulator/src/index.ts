export { startEmulator } from './start-emulator';
export { writeAwsCliDataPath } from './write-aws-cli-data-path';
export type { Emulator } from './emulator';
export type { EmulatorOptions } from './emulator-options';
export type { EmulatorAccount } from './emulator-account';
export type { Fault } from './fault';
export type { FaultTarget } from './fault-target';
export { createSsoHome, type SsoHome, type SsoHomeSession } from './sso-home';
export { writeCachedLogin } from './write-cached-login';
