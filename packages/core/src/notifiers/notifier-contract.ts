import type { Notifier } from '@sso-supervisor/notifier-api';
import type { NotifierEntry } from '../config/supervisor-config';

/**
 * The notifier contract lives in @sso-supervisor/notifier-api, which plugins depend on instead of the
 * host; the host's own halves (routing, delivery outcomes) are here.
 */
export {
  type Notifier,
  type NotifierDeps,
  type NotifierPlugin,
  NotifierError,
  isNotifierError,
  retryableOf,
  retryAfterMsOf,
  errorText,
  httpFailure,
} from '@sso-supervisor/notifier-api';

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
