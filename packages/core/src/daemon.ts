/**
 * The daemon's runtime: supervisor and workers, notifier dispatch (tsyringe), the webhook notifier,
 * custom notifier loading, logging, lock and state files, service files, the starter config.
 * `@sso-supervisor/core/daemon`: everything `status` does not need, so it loads only for the commands that do.
 */
// tsyringe refuses to load without the Reflect metadata polyfill; it registers nothing.
import 'reflect-metadata';
export type { RoutedNotifier, DeliveryOutcome } from './notifiers/notifier-contract';
export {
  Dispatcher,
  DISPATCHER_OPTIONS,
  type DispatcherOptions,
  type DispatcherOverrides,
} from './notifiers/dispatcher';
export {
  webhookNotifier,
  webhookOptionsSchema,
  createWebhookNotifier,
  type WebhookOptions,
  type WebhookDeps,
} from './notifiers/webhook-notifier';
export { loadCustomNotifier, type ModuleImporter } from './notifiers/load-custom-notifier';
export { createRoutedNotifiers, type RoutedNotifierDeps } from './notifiers/create-routed-notifiers';
export { Supervisor, type SupervisorDeps, type ApplyResult } from './supervisor/supervisor';
export type { DeviceLoginRunner } from './supervisor/device-reauth';
export { starterConfig } from './config/starter-config';
export { SecretRegistry } from './logging/secret-registry';
export { redactFormat } from './logging/redact-format';
export { redactValue } from './logging/redact-value';
export { createLogger, type LoggerOptions } from './logging/create-logger';
export { closeLogger } from './logging/close-logger';
export { readLogLines, type LogTail } from './logging/read-log-lines';
export { followLog, type FollowOptions } from './logging/follow-log';
export { acquireLock, type LockResult } from './daemon/acquire-lock';
export { isProcessAlive } from './daemon/is-process-alive';
export { STATE_FILE_NAME } from './daemon/state-file';
export { writeStateFile } from './daemon/write-state-file';
export { StateFileWriter, type StateFileWriterOptions } from './daemon/state-file-writer';
export { removeStaleTempFiles } from './daemon/remove-stale-temp-files';
export { servicePaths, SYSTEMD_UNIT_NAME, LAUNCHD_LABEL, type ServicePaths } from './service/service-paths';
export { serviceCommand, type ServiceSpec } from './service/service-spec';
export { systemdUnit } from './service/systemd-unit';
export { launchdPlist } from './service/launchd-plist';
export { installService, type InstallServiceOptions } from './service/install-service';
export { uninstallService, type UninstallServiceOptions } from './service/uninstall-service';
export { runCommand, type CommandRunner, type CommandOutcome } from './service/run-command';
export type { ServiceResult } from './service/apply-steps';
export { parseConfig } from './config/parse-config';
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
export type { MergeOutcome } from './exports/merge-outcome';
export type { ExportEntry } from './config/supervisor-config';
