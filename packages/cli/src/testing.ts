/**
 * Drives the built CLI as a user does, for end-to-end suites in this and other packages
 * (`@sso-supervisor/cli/testing`).
 */
export { CLI_BIN } from './testing/run-cli';
export { runCli, type CliRun } from './testing/run-cli';
export { DaemonProcess, type DaemonLaunch, type LogEntry } from './testing/daemon-process';
export { leakedSecrets } from './testing/run-cli';
