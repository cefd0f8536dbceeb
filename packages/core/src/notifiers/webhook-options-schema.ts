import { z } from 'zod';

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
