import { NotifierError } from '@sso-supervisor/core';
import { isAxiosError } from 'axios';

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
