export { slackNotifier } from './slack-notifier';
export { slackOptionsSchema, type SlackOptions } from './slack-options-schema';
export { createSlackNotifier, type SlackDeps, type SlackWebhookClient } from './create-slack-notifier';
export { buildSlackMessage } from './build-slack-message';
