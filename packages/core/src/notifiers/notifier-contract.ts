import type { ZodType, ZodTypeDef } from 'zod';
import type { NotifierEntry } from '../config/supervisor-config';
import { SupervisorError } from '../errors';
import type { SupervisorEvent } from '../events/supervisor-event';
import type { Logger } from '../util/logger';

/**
 * The notifier contract: what a plugin gives (a type, an options schema, a factory making a Notifier),
 * what it gets, and how it reports a failed delivery. Plugins depend on this file only, never on the host.
 */

/** What every notifier plugin returns: a name, a send, and optionally a close. */
export interface Notifier {
  readonly name: string;
  send(event: SupervisorEvent): Promise<void>;
  close?(): Promise<void>;
}

/** Collaborators handed to a plugin's factory, so tests pass their own. */
export interface NotifierDeps {
  name: string;
  logger: Logger;
}

/** A notifier plugin: a type name, the zod schema of its own options, and a factory. */
export interface NotifierPlugin<Options = unknown> {
  readonly type: string;
  /** Input is unknown: the schema may fill defaults, so what it takes is not what it gives. */
  readonly optionsSchema: ZodType<Options, ZodTypeDef, unknown>;
  create(options: Options, deps: NotifierDeps): Notifier;
}

/** A created notifier with the config entry that routes events to it (filters, privacy, cooldown). */
export interface RoutedNotifier {
  notifier: Notifier;
  entry: NotifierEntry;
}

/** How one notification to one notifier ended. `error` is secret-free text. */
export interface DeliveryOutcome {
  notifier: string;
  delivered: boolean;
  attempts: number;
  error?: string;
  /** Set on a failure that may clear by itself (an outage), which the outbox tries again later. */
  retryable?: true;
}

/**
 * A failed delivery. `retryable` tells the dispatcher whether another attempt can help (5xx, 429,
 * network trouble) or not (a dead webhook URL, refused credentials); `retryAfterMs` carries a
 * server's Retry-After so the next attempt honours it. No `cause` on purpose: the underlying HTTP
 * or SMTP error holds the request (webhook URL, headers, credentials) and must not reach a log.
 */
export class NotifierError extends SupervisorError {
  readonly retryAfterMs?: number;

  constructor(message: string, options: { retryable: boolean; retryAfterMs?: number }) {
    super(message, options.retryable);
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

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

/** Retry-After in seconds or as an HTTP date (RFC 9110 section 10.2.3). */
function retryAfterMs(value: unknown, now: number): number | undefined {
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
  if (error instanceof NotifierError) return error;
  const { code, response } = (error ?? {}) as HttpErrorShape;
  const status = response?.status;
  if (typeof status !== 'number') {
    return new NotifierError(`no HTTP response (${code ?? 'unknown error'})`, { retryable: true });
  }
  const retryable = status >= 500 || status === 408 || status === 429;
  const wait = retryAfterMs(response?.headers?.['retry-after'], now);
  return new NotifierError(`HTTP ${status}${bodyHint(response?.data)}`, {
    retryable,
    ...(retryable && wait !== undefined && { retryAfterMs: wait }),
  });
}
