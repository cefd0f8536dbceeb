import type { SupervisorEvent } from './supervisor-event.js';

// Every field of the event contract, in the order the webhook body shows them. Typed as a Record so
// a field added to SupervisorEvent fails to compile here until it is placed.
const FIELDS: Record<keyof SupervisorEvent, true> = {
  type: true,
  time: true,
  severity: true,
  session: true,
  profiles: true,
  expiresAt: true,
  message: true,
  command: true,
  error: true,
  verificationUri: true,
  userCode: true,
  loginUrl: true,
  errors: true,
};
const LOGIN_FIELDS = new Set<string>(['verificationUri', 'userCode', 'loginUrl']);

/**
 * What a notifier is given of an event: a copy holding only contract fields, so a stray property (a
 * token someone attached upstream) never reaches a notifier. The login link and code stay only when
 * `withLogin` is set, which the host does for notifiers marked `private: true` alone.
 */
export function cleanEvent(event: SupervisorEvent, withLogin: boolean): SupervisorEvent {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(FIELDS) as (keyof SupervisorEvent)[]) {
    const value = event[key];
    if (value === undefined || (!withLogin && LOGIN_FIELDS.has(key))) continue;
    copy[key] = Array.isArray(value) ? [...value] : value;
  }
  return copy as unknown as SupervisorEvent;
}
