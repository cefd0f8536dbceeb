import { z } from 'zod';

const WEBHOOK_URL = 'must be a Discord webhook URL (https://discord.com/api/webhooks/ID/TOKEN)';
const HTTP_URL = 'must be an http or https URL';

// `http:host` parses as a URL but is almost always a typo, so the `//` is required.
const isHttpUrl = (value: string) => /^https?:\/\//i.test(value) && URL.canParse(value);

// The path of "Copy Webhook URL" in a channel's Integrations settings, optionally with an API version
// (/api/v10/webhooks/...). The host is not checked, so a proxy in front of Discord works too.
const WEBHOOK_PATH = /^\/api(?:\/v\d+)?\/webhooks\/\d+\/[\w-]+\/?$/;

const isDiscordWebhook = (value: string) => isHttpUrl(value) && WEBHOOK_PATH.test(new URL(value).pathname);

/** Options of the Discord notifier, given under `options:` in supervisor.yaml. */
export const discordOptionsSchema = z
  .object({
    /**
     * The channel's webhook URL. Its last path segment is the webhook's token: whoever holds it can post
     * to the channel, so keep it in `${ENV}`; it never appears in a log line or an error.
     */
    webhookUrl: z.string({ message: WEBHOOK_URL }).trim().refine(isDiscordWebhook, WEBHOOK_URL),
    /** Shown as the sender instead of the webhook's own name; Discord allows 1 to 80 characters. */
    username: z.string().min(1).max(80).optional(),
    /** Shown as the sender's picture instead of the webhook's own. */
    avatarUrl: z.string().trim().refine(isHttpUrl, HTTP_URL).optional(),
    /** Posts into this thread of the channel; a forum channel takes messages only in a thread. */
    threadId: z.string().regex(/^\d+$/, 'a thread ID: digits, from "Copy Thread ID"').optional(),
  })
  .strict();

export type DiscordOptions = z.output<typeof discordOptionsSchema>;
