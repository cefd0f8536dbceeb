// Cross-process primitives for issue 11: a per-session lock and the daemon's control channel.
// credential_process should import './control-client' directly: this file also loads the server and the lock.
export * from './control-client';
export * from './control-path';
export * from './control-protocol';
export * from './control-server';
export * from './private-dir';
export * from './session-lock';
export type { LockRecord, StaleReason } from './lock-holder';
