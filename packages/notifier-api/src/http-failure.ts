import { NotifierError, isNotifierError } from './notifier-error.js';

const MAX_ERROR_LENGTH = 300;

/**
 * One line of text for a log field or a report. Only the message is used: error objects from HTTP
 * and SMTP clients carry their request (URL, headers, credentials) in other properties.
 */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n', 1)[0].trim() || (error instanceof Error ? error.name : 'unknown error');
  return line.length > MAX_ERROR_LENGTH ? `${line.slice(0, MAX_ERROR_LENGTH)}...` : line;
}

interface HttpErrorShape {
  code?: string;
  response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
}

/** Retry-After in seconds or as an HTTP date (RFC 9110 section 10.2.3), as milliseconds from `now`. */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** A short machine word from the body (Slack answers `no_service`, `invalid_token`), never free text. */
function bodyHint(data: unknown): string {
  return typeof data === 'string' && /^[\w.-]{1,60}$/.test(data.trim()) ? ` (${data.trim()})` : '';
}

/**
 * Classifies an axios-style error (`response.status`, `code`) as a NotifierError: 5xx, 408, 429 and
 * network trouble are retryable, other 4xx are not (a dead URL stays dead). Built from the status and
 * code only, because the original error carries the request URL and headers.
 */
export function httpFailure(error: unknown, now: number = Date.now()): NotifierError {
  if (isNotifierError(error)) return error;
  const { code, response } = (error ?? {}) as HttpErrorShape;
  const status = response?.status;
  if (typeof status !== 'number') {
    return new NotifierError(`no HTTP response (${code ?? 'unknown error'})`, { retryable: true });
  }
  const retryable = status >= 500 || status === 408 || status === 429;
  const wait = parseRetryAfter(response?.headers?.['retry-after'], now);
  return new NotifierError(`HTTP ${status}${bodyHint(response?.data)}`, {
    retryable,
    ...(retryable && wait !== undefined && { retryAfterMs: wait }),
  });
}
