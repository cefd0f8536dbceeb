import axios, { isAxiosError, type AxiosInstance } from 'axios';
import {
  type Notifier,
  type NotifierDeps,
  NotifierError,
  type NotifierPlugin,
} from '@sso-supervisor/notifier-api';
import { z } from 'zod';
import { buildDiscordMessage, type DiscordMessage } from './build-discord-message';

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

/** Discord's JSON error body: `{ message, code }`, and on a 429 also `retry_after` and `global`. */
interface DiscordErrorBody {
  message?: unknown;
  code?: unknown;
  retry_after?: unknown;
  global?: unknown;
}

// Discord's messages are short fixed phrases ("Unknown Webhook", "Invalid Webhook Token"); only such a
// phrase is kept. A webhook token is 68 characters long, so it can never pass for one.
const PHRASE = /^[A-Za-z][A-Za-z .']{0,59}$/;

function bodyOf(data: unknown): DiscordErrorBody {
  return typeof data === 'object' && data !== null ? (data as DiscordErrorBody) : {};
}

// The body's `retry_after` is in seconds with a fraction; the Retry-After header holds the same, rounded
// up, and is all a proxy in front of Discord may send (discord.com/developers/docs/topics/rate-limits).
function retryAfterMs(body: DiscordErrorBody, header: unknown): number | undefined {
  const seconds =
    typeof body.retry_after === 'number' ? body.retry_after : header == null ? NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
}

/**
 * Turns a failed Execute Webhook call into a NotifierError for the dispatcher: a 429 is retryable after
 * Discord's `retry_after`, 5xx, 408 and network trouble are retryable, and any other 4xx (a deleted
 * webhook, a bad token, a payload Discord refused) is not. The message is built from the status and
 * Discord's error code only: the axios error holds the request URL, and with it the webhook token.
 */
export function discordFailure(error: unknown): NotifierError {
  const response = isAxiosError(error) ? error.response : undefined;
  if (!response) {
    const code = isAxiosError(error) ? error.code : undefined;
    return new NotifierError(`no response from Discord (${code ?? 'unknown error'})`, { retryable: true });
  }
  const { status } = response;
  const body = bodyOf(response.data);
  if (status === 429) {
    const wait = retryAfterMs(body, response.headers['retry-after']);
    const scope = body.global === true ? 'global rate limit' : 'rate limited';
    return new NotifierError(`Discord answered HTTP 429 (${scope})`, {
      retryable: true,
      ...(wait !== undefined && { retryAfterMs: wait }),
    });
  }
  const phrase = typeof body.message === 'string' && PHRASE.test(body.message) ? `: ${body.message}` : '';
  const code = typeof body.code === 'number' ? ` (code ${body.code})` : '';
  return new NotifierError(`Discord answered HTTP ${status}${phrase}${code}`, {
    retryable: status >= 500 || status === 408,
  });
}

/** The host hands in the name and logger; tests may add their own HTTP client. */
export interface DiscordDeps extends NotifierDeps {
  http?: AxiosInstance;
}

/**
 * Posts each event to a Discord channel through its webhook. There are no retries here: the host's
 * dispatcher retries what `discordFailure` calls retryable, waits out a 429's `retry_after`, and bounds
 * each attempt with its own timeout.
 */
export function createDiscordNotifier(options: DiscordOptions, deps: DiscordDeps): Notifier {
  const http = deps.http ?? axios.create({ timeout: 10_000 });
  // `wait=true` makes Discord confirm the message was saved, and answer with it, instead of a bare 204
  // that a message Discord then drops would also get.
  const params = { wait: true, ...(options.threadId && { thread_id: options.threadId }) };
  return {
    name: deps.name,
    async send(event) {
      const message: DiscordMessage = {
        ...buildDiscordMessage(event),
        ...(options.username && { username: options.username }),
        ...(options.avatarUrl && { avatar_url: options.avatarUrl }),
      };
      let data: unknown;
      try {
        ({ data } = await http.post<unknown>(options.webhookUrl, message, { params }));
      } catch (error) {
        throw discordFailure(error);
      }
      // The message id ties this line to the post in the channel; the URL is never logged, it holds the token.
      const messageId = (data as { id?: unknown } | null)?.id;
      deps.logger.debug('discord message posted', {
        notifier: deps.name,
        event: event.type,
        ...(typeof messageId === 'string' && { messageId }),
      });
    },
  };
}

/**
 * The plugin sso-supervisor loads from `module:`: a type name, the schema of its options (checked
 * before `create` is called, so errors point at `notifiers[N].options.webhookUrl`), and the factory.
 */
export const discordNotifier: NotifierPlugin<DiscordOptions> = {
  type: 'discord',
  optionsSchema: discordOptionsSchema,
  create: (options, deps) => createDiscordNotifier(options, deps),
};
