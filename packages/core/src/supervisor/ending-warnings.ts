import type { SsoSession } from '../aws-config/discover-sessions';
import type { SessionSettings } from '../config/supervisor-config';
import type { SupervisorEvent } from '../events/supervisor-event';
import { sessionEvents } from './session-events';

const DAY_MS = 86_400_000;

/** What was already said, so each warning goes out once (the registration's once a day). */
export interface WarningMemo {
  registrationWarnedAt?: number;
  /** The loginAt whose session end was announced. */
  sessionWarnedFor?: string;
}

export interface EndingInput {
  session: SsoSession;
  settings: SessionSettings;
  /** From the cache file; absent when the file holds no registration (the JS SDK writes none). */
  registrationExpiresAt?: string;
  /** WorkerState.loginAt. */
  loginAt?: string;
  now: Date;
  memo: WarningMemo;
}

/**
 * session.ending before the end of the client registration (`registrationWarning` ahead, at most once a
 * day) and of the Identity Center session (`sessionWarning` before loginAt + sessionDuration, once per
 * login). Pure: the worker keeps the memo.
 */
export function endingWarnings(input: EndingInput): { events: SupervisorEvent[]; memo: WarningMemo } {
  const { session, settings, now } = input;
  const t = now.getTime();
  const memo = { ...input.memo };
  const events: SupervisorEvent[] = [];
  const soon = (endMs: number, aheadMs: number) => aheadMs > 0 && endMs > t && endMs - t <= aheadMs;

  const registrationEnd = input.registrationExpiresAt ? Date.parse(input.registrationExpiresAt) : NaN;
  const warnedToday = memo.registrationWarnedAt !== undefined && t - memo.registrationWarnedAt < DAY_MS;
  if (soon(registrationEnd, settings.registrationWarning) && !warnedToday) {
    events.push(sessionEvents.registrationEnding(session, input.registrationExpiresAt!, now));
    memo.registrationWarnedAt = t;
  }

  if (settings.sessionDuration !== undefined && input.loginAt !== undefined) {
    const sessionEnd = Date.parse(input.loginAt) + settings.sessionDuration;
    if (soon(sessionEnd, settings.sessionWarning) && memo.sessionWarnedFor !== input.loginAt) {
      events.push(sessionEvents.sessionEnding(session, new Date(sessionEnd).toISOString(), now));
      memo.sessionWarnedFor = input.loginAt;
    }
  }
  return { events, memo };
}
