/** Test helpers for notifier authors: the shared contract suite and its fixtures. `@sso-supervisor/core/testing`. */
export {
  notifierContract,
  type ContractHarness,
  type NotifierContractOptions,
} from './testing/notifier-contract';
export { contractEvent, CONTRACT_VALUES } from './testing/contract-event';
export { RecordingLogger, type LogLine } from './testing/recording-logger';
export { scriptedNotifier, type ScriptedNotifier, type SendStep } from './testing/scripted-notifier';
export {
  startCaptureServer,
  type CaptureServer,
  type CapturedRequest,
  type CaptureReply,
  type CaptureResponder,
} from './testing/capture-server';
export { requireImporter, vendorsLoaded } from './testing/module-loading';
