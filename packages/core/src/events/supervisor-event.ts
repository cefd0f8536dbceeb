import type { EventType, Severity } from './event-types';

/**
 * One event as notifiers, the log and the webhook body see it (docs/contract.md, "Events").
 * Never carries a token, refresh token or client secret.
 */
export interface SupervisorEvent {
  type: EventType;
  /** ISO-8601 with milliseconds. */
  time: string;
  severity: Severity;
  /** sso-session name; null for a legacy profile's session; absent for supervisor-wide events. */
  session?: string | null;
  profiles?: string[];
  /** When the access token lapses, ISO-8601. */
  expiresAt?: string;
  /** One human sentence. */
  message: string;
  /** The command a person runs to fix it, e.g. `aws sso login --sso-session corp`. */
  command?: string;
  /** Error text of a failure, secret-free. */
  error?: string;
  /** login.pending only, and only for private notifiers. */
  verificationUri?: string;
  userCode?: string;
  /** config.invalid: one line per problem, `FILE:LINE:COL path: message`. */
  errors?: string[];
}
