import type { NotifierPlugin } from '@sso-supervisor/core';
import { createSlackNotifier } from './create-slack-notifier';
import { slackOptionsSchema, type SlackOptions } from './slack-options-schema';

/** The `type: slack` notifier plugin: Block Kit messages through an incoming webhook. */
export const slackNotifier: NotifierPlugin<SlackOptions> = {
  type: 'slack',
  optionsSchema: slackOptionsSchema,
  create: (options, deps) => createSlackNotifier(options, deps),
};
