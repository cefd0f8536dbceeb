import { z } from 'zod';

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
