import { createHmac } from 'node:crypto';
import type { AxiosInstance, AxiosStatic } from 'axios';
import type { Notifier } from './notifier';
import type { NotifierDeps } from './notifier-plugin';
import { cleanEvent } from './clean-event';
import { httpFailure } from './http-failure';
import type { WebhookOptions } from './webhook-options-schema';

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
