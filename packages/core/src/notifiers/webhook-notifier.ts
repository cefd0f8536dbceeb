import { createWebhookNotifier } from './create-webhook-notifier';
import type { NotifierPlugin } from './notifier-plugin';
import { webhookOptionsSchema, type WebhookOptions } from './webhook-options-schema';

/** The built-in `type: webhook` notifier: the event JSON, optionally HMAC-signed. */
export const webhookNotifier: NotifierPlugin<WebhookOptions> = {
  type: 'webhook',
  optionsSchema: webhookOptionsSchema,
  create: (options, deps) => createWebhookNotifier(options, deps),
};
