import type { SessionSettings } from '../config/supervisor-config';
import type { RefreshResult } from '../engine/refresh-session';
import type { SupervisorEvent } from '../events/supervisor-event';
import { endingWarnings, type WarningMemo } from './ending-warnings';
import type { SupervisedSession } from '../config/session-settings';

export interface PassSeen {
  supervised: SupervisedSession;
  /** As the refresher returned it: its `cache` view says what the pass decided on and left. */
  result: RefreshResult;
  /** Waiting for a person: no warning about an end that has come already. */
  held: boolean;
  loginAt?: string;
  now: Date;
}

/**
 * Notices new interactive logins in one session's cache file and warns before its ends. A login is a file
 * that changed, and not by our refresh (the AWS tools do not refresh above our threshold): the Identity
 * Center session counts from it.
 */
export class LoginWatch {
  /** The content (fingerprint) as the last pass left it; undefined until the first pass, the baseline. */
  private lastSeen: string | null | undefined;
  private memo: WarningMemo = {};

  /** loginAt + sessionDuration, when both are known. */
  static sessionEndsAt(settings: SessionSettings, loginAt: string | undefined): string | undefined {
    if (settings.sessionDuration === undefined || loginAt === undefined) return undefined;
    return new Date(Date.parse(loginAt) + settings.sessionDuration).toISOString();
  }

  /** After a refresh pass: the login time (new, or as it was) and the warnings now due. */
  afterPass(seen: PassSeen): { loginAt?: string; events: SupervisorEvent[] } {
    const { session, settings } = seen.supervised;
    const decidedOn = seen.result.cache?.decidedOn ?? null;
    const changed = this.lastSeen !== undefined && decidedOn !== null && decidedOn !== this.lastSeen;
    let loginAt = seen.loginAt;
    if (changed && seen.result.outcome !== 'invalid' && settings.sessionDuration !== undefined) {
      loginAt = seen.now.toISOString();
    }
    // What our refresh wrote is the next baseline, not a login.
    this.lastSeen = seen.result.cache?.left ?? null;
    if (seen.held) return { loginAt, events: [] };
    const warned = endingWarnings({
      session,
      settings,
      registrationExpiresAt: seen.result.cache?.registrationExpiresAt,
      loginAt,
      now: seen.now,
      memo: this.memo,
    });
    this.memo = warned.memo;
    return { loginAt, events: warned.events };
  }
}
