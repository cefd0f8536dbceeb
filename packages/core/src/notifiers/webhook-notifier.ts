import { createHmac } from 'node:crypto';
import type { AxiosInstance, AxiosStatic } from 'axios';
import { z } from 'zod';
import { httpFailure, type Notifier, type NotifierDeps, type NotifierPlugin } from './notifier-contract';
import { cleanEvent } from './route-event';

const RESERVED_HEADERS = ['content-type', 'x-sso-supervisor-signature'];
const HTTP_URL = 'must be an http or https URL';

// `http:host` parses as a URL but is almost always a typo, so the `//` is required.
const isHttpUrl = (value: string) => /^https?:\/\//i.test(value) && URL.canParse(value);

/** Options of the `webhook` notifier. */
export const webhookOptionsSchema = z
  .object({
    /** Where the event JSON is POSTed. */
    url: z.string({ message: HTTP_URL }).trim().refine(isHttpUrl, HTTP_URL),
    /** Signs each body: `x-sso-supervisor-signature: sha256=<hex HMAC-SHA256 of the raw body>`. */
    secret: z.string().min(1).optional(),
    /** Extra request headers, e.g. an Authorization the receiver expects. */
    headers: z
      .record(z.string(), z.string())
      .refine(
        (headers) => !Object.keys(headers).some((name) => RESERVED_HEADERS.includes(name.toLowerCase())),
        `${RESERVED_HEADERS.join(' and ')} are set by the notifier`,
      )
      .optional(),
  })
  .strict();

export type WebhookOptions = z.output<typeof webhookOptionsSchema>;

export interface WebhookDeps extends NotifierDeps {
  /** The HTTP client; tests pass their own instance. */
  http?: AxiosInstance;
}

/**
 * The default client. axios (~20 MB of RSS) is required here, not at the top, so that it loads only
 * when a webhook notifier is configured.
 */
function defaultHttp(): AxiosInstance {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, see above
  const axios = require('axios') as AxiosStatic;
  return axios.create({ timeout: 10_000 });
}

/**
 * POSTs exactly the event JSON. Failures are classified for the dispatcher, which retries 5xx,
 * 429 and network errors and gives up at once on other 4xx.
 */
export function createWebhookNotifier(options: WebhookOptions, deps: WebhookDeps): Notifier {
  const http = deps.http ?? defaultHttp();
  return {
    name: deps.name,
    async send(event) {
      // The dispatcher already removed login fields for public notifiers; this only drops strays.
      const body = JSON.stringify(cleanEvent(event, true));
      const headers: Record<string, string> = { ...options.headers, 'content-type': 'application/json' };
      if (options.secret) {
        const digest = createHmac('sha256', options.secret).update(body).digest('hex');
        headers['x-sso-supervisor-signature'] = `sha256=${digest}`;
      }
      try {
        await http.post(options.url, body, {
          headers,
          // The body must go out byte for byte as signed, and a redirect must not carry the
          // signature and headers to another host.
          transformRequest: [(data: unknown) => data],
          maxRedirects: 0,
          responseType: 'text',
        });
      } catch (error) {
        throw httpFailure(error);
      }
    },
  };
}

/** The built-in `type: webhook` notifier: the event JSON, optionally HMAC-signed. */
export const webhookNotifier: NotifierPlugin<WebhookOptions> = {
  type: 'webhook',
  optionsSchema: webhookOptionsSchema,
  create: (options, deps) => createWebhookNotifier(options, deps),
};
