/** Test helpers for notifier authors: the shared contract suite and its fixtures. Uses jest globals. */
export {
  notifierContract,
  type ContractHarness,
  type NotifierContractOptions,
} from './testing/notifier-contract.js';
export { contractEvent, CONTRACT_VALUES } from './testing/contract-event.js';
export { RecordingLogger, type LogLine } from './testing/recording-logger.js';
export { scriptedNotifier, type ScriptedNotifier, type SendStep } from './testing/scripted-notifier.js';
export {
  startCaptureServer,
  type CaptureServer,
  type CapturedRequest,
  type CaptureReply,
  type CaptureResponder,
} from './testing/capture-server.js';
export { vendorsLoaded } from './testing/vendors-loaded.js';
