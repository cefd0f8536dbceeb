export {
  slackNotifier,
  slackOptionsSchema,
  createSlackNotifier,
  type SlackOptions,
  type SlackDeps,
  type SlackWebhookClient,
} from './slack-notifier';
export { buildSlackMessage } from './build-slack-message';
