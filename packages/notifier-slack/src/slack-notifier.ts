import type * as SlackWebhook from '@slack/webhook';
import type { IncomingWebhookSendArguments } from '@slack/webhook';
import {
  httpFailure,
  type Notifier,
  type NotifierDeps,
  type NotifierPlugin,
} from '@sso-supervisor/notifier-api';
import { z } from 'zod';
import { buildSlackMessage } from './build-slack-message';

const WEBHOOK_URL =
  'must be a Slack incoming webhook URL (https://hooks.slack.com/services/...), or an http(s) URL on this machine (a local relay)';

const SLACK_HOOK_HOSTS = new Set(['hooks.slack.com', 'hooks.slack-gov.com']);
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * What the message above says: https on Slack's webhook hosts, or a loopback URL (a relay or a test
 * stand-in). Any other host would receive the message, and `http:` would send the URL's secret path
 * in clear text. `http:host` parses as a URL but is a typo, so the `//` is required.
 */
export function isSlackWebhookUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value) || !URL.canParse(value)) return false;
  const url = new URL(value);
  if (LOOPBACK_HOSTS.has(url.hostname)) return true;
  return url.protocol === 'https:' && SLACK_HOOK_HOSTS.has(url.hostname) && url.pathname.length > 1;
}

/** Options of the `slack` notifier. */
export const slackOptionsSchema = z
  .object({
    /** The incoming webhook URL; it holds the webhook's secret token, so it never appears in a log. */
    webhookUrl: z.string({ message: WEBHOOK_URL }).trim().refine(isSlackWebhookUrl, WEBHOOK_URL),
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
  // IncomingWebhook copies every key of its defaults into each payload, and strips only `agent` and
  // `retryConfig` after building its axios client. `timeout` is for axios alone, so it is removed from
  // the same object once the client has it; username and icon go with each message instead.
  const defaults: { timeout?: number } = { timeout: 10_000 };
  const webhook = new IncomingWebhook(options.webhookUrl, defaults);
  delete defaults.timeout;
  return webhook;
}

/** Legacy webhooks' display name and icon, which Slack reads from the message itself. */
function sender(options: SlackOptions): Partial<IncomingWebhookSendArguments> {
  return {
    ...(options.username && { username: options.username }),
    ...(options.iconEmoji && { icon_emoji: options.iconEmoji }),
  };
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
        await webhook.send({ ...buildSlackMessage(event), ...sender(options) });
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
