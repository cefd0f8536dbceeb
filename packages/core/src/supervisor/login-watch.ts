import { readCachedToken } from '../cache/read-cached-token';
import type { SessionSettings } from '../config/supervisor-config';
import type { RefreshResult } from '../engine/refresh-result';
import type { SupervisorEvent } from '../events/supervisor-event';
import { endingWarnings, type WarningMemo } from './ending-warnings';
import type { SupervisedSession } from '../config/session-settings';

export interface PassSeen {
  supervised: SupervisedSession;
  result: RefreshResult;
  /** The cache file content the pass decided on; null: no file. */
  decidedOn: string | null;
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
  /** The content as the last pass left it; undefined until the first pass, which sets the baseline. */
  private lastSeen: string | null | undefined;
  private memo: WarningMemo = {};

  /** loginAt + sessionDuration, when both are known. */
  static sessionEndsAt(settings: SessionSettings, loginAt: string | undefined): string | undefined {
    if (settings.sessionDuration === undefined || loginAt === undefined) return undefined;
    return new Date(Date.parse(loginAt) + settings.sessionDuration).toISOString();
  }

  /** After a refresh pass: the login time (new, or as it was) and the warnings now due. */
  async afterPass(seen: PassSeen): Promise<{ loginAt?: string; events: SupervisorEvent[] }> {
    const { session, settings } = seen.supervised;
    // Only our own write changed the file since the pass read it; otherwise that read stands.
    const after =
      seen.result.outcome === 'refreshed' ? (await readCachedToken(session.cacheFile)).raw : seen.decidedOn;
    const changed =
      this.lastSeen !== undefined && seen.decidedOn !== null && seen.decidedOn !== this.lastSeen;
    let loginAt = seen.loginAt;
    if (changed && seen.result.outcome !== 'invalid' && settings.sessionDuration !== undefined) {
      loginAt = seen.now.toISOString();
    }
    // What our refresh wrote is the next baseline, not a login. (A login landing between our rename and
    // this read would be taken for ours: a window of milliseconds.)
    this.lastSeen = after;
    if (seen.held) return { loginAt, events: [] };
    const warned = endingWarnings({
      session,
      settings,
      registrationExpiresAt: registrationExpiry(after),
      loginAt,
      now: seen.now,
      memo: this.memo,
    });
    this.memo = warned.memo;
    return { loginAt, events: warned.events };
  }
}

function registrationExpiry(raw: string | null): string | undefined {
  if (raw === null) return undefined;
  try {
    const value = (JSON.parse(raw) as { registrationExpiresAt?: unknown }).registrationExpiresAt;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
