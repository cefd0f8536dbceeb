import { setTimeout as sleep } from 'node:timers/promises';
import { backoffDelay, type RetrySettings } from '../engine/aws-clients';
import type { SupervisorEvent } from '../events/supervisor-event';
import type { Logger } from '../util/logger';
import {
  errorText,
  NotifierError,
  retryableOf,
  retryAfterMsOf,
  type DeliveryOutcome,
  type RoutedNotifier,
} from './notifier-contract';
import { redactPluginText } from './plugin-text';

/** Delivery settings shared by every notifier. Durations in milliseconds. */
export interface DispatcherOptions {
  /** Attempts per notification, backoff between them, and the time one `send` may take. */
  retry: RetrySettings;
  /** A server asking to wait longer than this (Retry-After) ends the attempts instead. */
  maxRetryAfter: number;
  /** Notifications waiting per notifier; beyond it the oldest is dropped. */
  queueSize: number;
}

/** One `send`, bounded in time and by `stop`; a hung notifier is abandoned, not awaited. */
function attempt(routed: RoutedNotifier, event: SupervisorEvent, timeoutMs: number, stop: AbortSignal) {
  return new Promise<void>((resolve, reject) => {
    const finish = (error?: Error) => {
      clearTimeout(timer);
      stop.removeEventListener('abort', onStop);
      if (error) reject(error);
      else resolve();
    };
    const onStop = () => finish(new NotifierError('dispatcher closed', { retryable: false }));
    const timer = setTimeout(
      () => finish(new NotifierError(`no answer within ${timeoutMs} ms`, { retryable: true })),
      timeoutMs,
    );
    if (stop.aborted) return onStop();
    stop.addEventListener('abort', onStop, { once: true });
    // Called on a later tick and through a promise, so a notifier that throws synchronously (a broken
    // custom plugin) is caught like one that rejects.
    Promise.resolve()
      .then(() => routed.notifier.send(event))
      .then(
        () => finish(),
        (error: unknown) => finish(error instanceof Error ? error : new Error(String(error))),
      );
  });
}

/** Milliseconds to wait before the next attempt, or undefined when there should be none. */
function nextDelay(error: unknown, attempts: number, options: DispatcherOptions): number | undefined {
  if (attempts >= options.retry.attempts) return undefined;
  // Read by property, not instanceof: a plugin throws its own copy of NotifierError. Errors that do
  // not say (a plain Error) are retried: the attempts are bounded.
  if (retryableOf(error) === false) return undefined;
  const retryAfter = retryAfterMsOf(error);
  if (retryAfter === undefined) return backoffDelay(attempts, options.retry);
  return retryAfter <= options.maxRetryAfter ? retryAfter : undefined;
}

/**
 * Sends one event with a per-attempt timeout and bounded retries. Never rejects: the outcome says how
 * it went, and a final failure is logged once with secret-free fields.
 */
export async function sendWithRetry(
  routed: RoutedNotifier,
  event: SupervisorEvent,
  options: DispatcherOptions,
  logger: Logger,
  stop: AbortSignal,
): Promise<DeliveryOutcome> {
  const { entry } = routed;
  const fields = {
    notifier: entry.name,
    plugin: entry.type ?? entry.module,
    event: event.type,
    session: event.session,
  };
  for (let attempts = 1; ; attempts += 1) {
    let failure: unknown;
    try {
      await attempt(routed, event, options.retry.timeout, stop);
      return { notifier: entry.name, delivered: true, attempts };
    } catch (error) {
      failure = error;
    }
    // Plugin code wrote this text; the logger blanks registered secrets, this also covers stdout.
    const error = redactPluginText(errorText(failure));
    const delay = stop.aborted ? undefined : nextDelay(failure, attempts, options);
    if (delay === undefined) {
      logger.warn('notification failed', { ...fields, attempts, error });
      // Trouble that may clear later (the outbox tries again); not a refusal, nor our own shutdown.
      const later = !stop.aborted && retryableOf(failure) !== false;
      return { notifier: entry.name, delivered: false, attempts, error, ...(later && { retryable: true }) };
    }
    logger.debug('notification failed, retrying', { ...fields, attempts, delayMs: delay, error });
    try {
      await sleep(delay, undefined, { signal: stop });
    } catch {
      logger.warn('notification failed', {
        ...fields,
        attempts,
        error: 'dispatcher closed during a retry wait',
      });
      return { notifier: entry.name, delivered: false, attempts, error };
    }
  }
}
