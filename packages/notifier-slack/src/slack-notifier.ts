import type * as SlackWebhook from '@slack/webhook';
import type { IncomingWebhookSendArguments } from '@slack/webhook';
import { httpFailure, type Notifier, type NotifierDeps, type NotifierPlugin } from '@sso-supervisor/core';
import { z } from 'zod';
import { buildSlackMessage } from './build-slack-message';

const WEBHOOK_URL = 'must be a Slack incoming webhook URL (https://hooks.slack.com/services/...)';

// `http:host` parses as a URL but is almost always a typo, so the `//` is required.
const isHttpUrl = (value: string) => /^https?:\/\//i.test(value) && URL.canParse(value);

/** Options of the `slack` notifier. */
export const slackOptionsSchema = z
  .object({
    /** The incoming webhook URL; it holds the webhook's secret token, so it never appears in a log. */
    webhookUrl: z.string({ message: WEBHOOK_URL }).trim().refine(isHttpUrl, WEBHOOK_URL),
    /** Display name; only legacy webhooks honour it. */
    username: z.string().min(1).optional(),
    /** Emoji shown as the sender's icon, e.g. `:key:`; only legacy webhooks honour it. */
    iconEmoji: z
      .string()
      .regex(/^:[\w+-]+:$/, 'an emoji name such as :key:')
      .optional(),
  })
  .strict();

export type SlackOptions = z.output<typeof slackOptionsSchema>;

/** The part of IncomingWebhook the notifier uses; tests may hand in their own. */
export interface SlackWebhookClient {
  send(message: IncomingWebhookSendArguments): Promise<unknown>;
}

export interface SlackDeps extends NotifierDeps {
  webhook?: SlackWebhookClient;
}

/**
 * The default client. @slack/webhook (with its axios, ~20 MB of RSS) is required here, not at the top,
 * so that it loads only when a Slack notifier is configured.
 */
function defaultWebhook(options: SlackOptions): SlackWebhookClient {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, see above
  const { IncomingWebhook } = require('@slack/webhook') as typeof SlackWebhook;
  return new IncomingWebhook(options.webhookUrl, {
    timeout: 10_000,
    ...(options.username && { username: options.username }),
    ...(options.iconEmoji && { icon_emoji: options.iconEmoji }),
  });
}

/**
 * Posts a Block Kit message through an incoming webhook. The client does not retry (its default); the
 * dispatcher does, from the classified error: 5xx and network trouble are retried, a 429 waits for its
 * Retry-After, and any other 4xx (a revoked or deleted webhook) fails once without retries.
 */
export function createSlackNotifier(options: SlackOptions, deps: SlackDeps): Notifier {
  const webhook = deps.webhook ?? defaultWebhook(options);
  return {
    name: deps.name,
    async send(event) {
      try {
        await webhook.send(buildSlackMessage(event));
      } catch (error) {
        // @slack/webhook wraps the axios error as `original`, which holds the status and headers.
        throw httpFailure((error as { original?: unknown }).original ?? error);
      }
    },
  };
}

/** The `type: slack` notifier plugin: Block Kit messages through an incoming webhook. */
export const slackNotifier: NotifierPlugin<SlackOptions> = {
  type: 'slack',
  optionsSchema: slackOptionsSchema,
  create: (options, deps) => createSlackNotifier(options, deps),
};
