import type { RetrySettings } from '../engine/aws-clients';

/** Delivery settings shared by every notifier. Durations in milliseconds. */
export interface DispatcherOptions {
  /** Attempts per notification, backoff between them, and the time one `send` may take. */
  retry: RetrySettings;
  /** A server asking to wait longer than this (Retry-After) ends the attempts instead. */
  maxRetryAfter: number;
  /** Notifications waiting per notifier; beyond it the oldest is dropped. */
  queueSize: number;
}

/** What may be registered under DISPATCHER_OPTIONS: any part of the options, defaults for the rest. */
export type DispatcherOverrides = Partial<Omit<DispatcherOptions, 'retry'>> & {
  retry?: Partial<RetrySettings>;
};
