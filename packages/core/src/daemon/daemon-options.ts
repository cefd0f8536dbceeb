import { isAbsolute, join } from 'node:path';
import type { TokenRefresher } from '../engine/oidc-refresher';
import type { LoggerOptions } from '../logging/create-logger';
import type { DispatcherOverrides } from '../notifiers/dispatcher';
import type { NotifierPlugin } from '../notifiers/notifier-contract';
import type { OutboxPolicy } from '../notifiers/outbox-store';
import type { Setup } from '../setup/load-setup';
import type { SessionRecord } from '../state/state-file';
import type { DeviceLoginRunner } from '../supervisor/device-reauth';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';

/** What one load of supervisor.yaml and the AWS config gives the daemon: the setup every command loads. */
export type DaemonSetup = Setup;

/** What a test or the bench replaces; everything else is built as the daemon builds it. */
export interface DaemonOverrides {
  Clock?: Clock;
  Logger?: Logger;
  /** The SSO OIDC client (CreateToken); the secrets passing through it are still recorded. */
  TokenRefresher?: TokenRefresher;
  DispatcherOptions?: DispatcherOverrides;
  /** How long and how often undelivered alerts are tried again; `false`: no outbox (`notify test`). */
  Outbox?: Partial<OutboxPolicy> | false;
  DeviceLogin?: DeviceLoginRunner;
  /** The browser login the status page and login links start; its timeout. */
  BrowserLogin?: { timeoutMs?: number };
}

export interface ComposeDaemonOptions {
  /** The first load: where the state and log files are, and the log settings, for the whole run. */
  setup: DaemonSetup;
  /** The notifier types `type:` names; the CLI passes its built-in ones. */
  plugins: readonly NotifierPlugin[];
  /** Where log lines go besides the file; stderr by default. */
  console?: NodeJS.WritableStream & { isTTY?: boolean };
  env?: Record<string, string | undefined>;
  /** The previous run's records by session id, so the last login survives a restart. */
  carriedOver?: Record<string, SessionRecord>;
  overrides?: DaemonOverrides;
}

/** The daemon log's settings from the first load; a relative `log.file` is in the state folder. */
export function daemonLogSettings(options: ComposeDaemonOptions): Omit<LoggerOptions, 'secrets' | 'clock'> {
  const { config, paths } = options.setup;
  return {
    level: config.log.level,
    file: isAbsolute(config.log.file) ? config.log.file : join(paths.stateDir, config.log.file),
    maxSize: config.log.maxSize,
    maxFiles: config.log.maxFiles,
    console: options.console ?? process.stderr,
    env: options.env ?? process.env,
  };
}
