/**
 * The daemon's runtime: its lifecycle (daemon/daemon.ts) and composition root (daemon/compose-daemon.ts),
 * supervisor and workers, notifier dispatch (tsyringe), the webhook notifier, custom notifier loading,
 * logging, lock and state files, service files, the starter config.
 * `@sso-supervisor/core/daemon`: everything `status` does not need, so it loads only for the commands that do.
 */
// tsyringe refuses to load without the Reflect metadata polyfill; it registers nothing.
import 'reflect-metadata';
export type { RoutedNotifier, DeliveryOutcome } from './notifiers/notifier-contract';
export {
  Dispatcher,
  DISPATCHER_OPTIONS,
  OUTBOX,
  type DispatcherOptions,
  type DispatcherOverrides,
} from './notifiers/dispatcher';
export {
  OutboxStore,
  OUTBOX_DEFAULTS,
  OUTBOX_FILE_NAME,
  type OutboxEntry,
  type OutboxPolicy,
} from './notifiers/outbox-store';
export {
  webhookNotifier,
  webhookOptionsSchema,
  createWebhookNotifier,
  type WebhookOptions,
  type WebhookDeps,
} from './notifiers/webhook-notifier';
export { loadCustomNotifier, type ModuleImporter } from './notifiers/load-custom-notifier';
export { createRoutedNotifiers, type RoutedNotifierDeps } from './notifiers/create-routed-notifiers';
export { checkSetup, type SetupCheck } from './setup/check-setup';
export { Supervisor, type SupervisorDeps, type ApplyResult } from './supervisor/supervisor';
export type { DeviceLoginRunner } from './supervisor/device-reauth';
export { starterConfig } from './config/starter-config';
export { SecretRegistry, redactFormat, redactValue } from './logging/redaction';
export { createLogger, closeLogger, type LoggerOptions } from './logging/create-logger';
export { readLogLines, followLog, type LogTail, type FollowOptions } from './logging/read-log';
export { readLogTail, rotatedLogName } from './logging/read-rotated-log';
export { humanLogLine } from './logging/line-formats';
export { acquireLock, isProcessAlive, type LockResult } from './state/lock-file';
export {
  STATE_FILE_NAME,
  writeStateFile,
  StateFileWriter,
  type StateFileWriterOptions,
} from './state/state-file';
export { removeStaleTempFiles } from './state/remove-stale-temp-files';
export { writeConfigRefusal, clearConfigRefusal, refusalDir } from './state/config-refusal';
export { Daemon, type DaemonOptions } from './daemon/daemon';
export {
  composeDaemon,
  DaemonGraph,
  type ComposeDaemonOptions,
  type DaemonOverrides,
  type DaemonSetup,
} from './daemon/compose-daemon';
export { waitForStop, watchFiles } from './daemon/triggers';
export { holdForRefreshes, type ShutdownIo } from './engine/shutdown-guard';
export {
  servicePaths,
  serviceCommand,
  SYSTEMD_UNIT_NAME,
  LAUNCHD_LABEL,
  type ServicePaths,
  type ServiceSpec,
} from './service/service-spec';
export { systemdUnit, launchdPlist } from './service/service-files';
export {
  installService,
  uninstallService,
  type InstallServiceOptions,
  type UninstallServiceOptions,
} from './service/install-service';
export {
  runCommand,
  type CommandRunner,
  type CommandOutcome,
  type ServiceResult,
} from './service/apply-steps';
export { parseConfig } from './config/parse-config';
export { configVariables } from './config/config-variables';
export { ExportScheduler, type ExportSchedulerDeps } from './exports/export-scheduler';
export {
  planExports,
  type ExportJob,
  type ExportPlan,
  type ExportProblem,
  type ExportSetup,
} from './exports/plan-exports';
export { runExport, type ExportRun, type ExportRunDeps } from './exports/run-export';
export { writeExportFile, type ExportWrite } from './exports/write-export-file';
export { mergeDotenv } from './exports/merge-dotenv';
export { mergeCredentialsFile } from './exports/merge-credentials-file';
export type { MergeOutcome } from './exports/text-lines';
export type { ExportEntry } from './config/supervisor-config';
