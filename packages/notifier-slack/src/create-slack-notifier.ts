import { httpFailure, type Notifier, type NotifierDeps } from '@sso-supervisor/core';
import type * as SlackWebhook from '@slack/webhook';
import type { IncomingWebhookSendArguments } from '@slack/webhook';
import { buildSlackMessage } from './build-slack-message';
import type { SlackOptions } from './slack-options-schema';

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
