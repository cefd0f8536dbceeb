import type { SsoSession } from '../aws-config/discover-sessions';
import { contentFingerprint } from '../cache/cached-token';
import { readCachedToken } from '../cache/read-cached-token';
import type { RefreshResult } from '../engine/refresh-session';
import type { SupervisorEvent } from '../events/supervisor-event';
import type { Clock } from '../util/clock';
import { sessionEvents } from './session-events';

/**
 * A session waiting for a person to log in. It holds on the cache file's content (its fingerprint; null
 * = no file) when the login was asked for: any other content means someone logged in.
 */
export class LoginWait {
  private constructor(
    private readonly fingerprint: string | null,
    private expiredSent: boolean,
    /** The session.reauth_required sent, and when it was last sent, for reauth.remind. */
    private readonly announced?: { event: SupervisorEvent; at: number },
  ) {}

  /**
   * The wait a pass that needs a login starts. `decidedOn` is the content the refresh decided on, not a
   * fresh read: a login landing between the two would otherwise be taken for the dead token and never
   * noticed.
   */
  static begin(
    previous: LoginWait | null,
    decidedOn: string | null,
    result: RefreshResult,
    events: readonly SupervisorEvent[],
    now: Date,
  ): LoginWait {
    const lapsed = result.expiresAt === undefined || Date.parse(result.expiresAt) <= now.getTime();
    const sent = events.find((e) => e.type === 'session.reauth_required');
    const announced = sent ? { event: sent, at: now.getTime() } : previous?.announced;
    return new LoginWait(decidedOn, lapsed, announced);
  }

  /** Has a person logged in since? If not, `expired` tells once that the access token lapsed meanwhile. */
  async look(session: SsoSession, clock: Clock): Promise<{ loggedIn: boolean; expired?: SupervisorEvent }> {
    const read = await readCachedToken(session.cacheFile);
    if (contentFingerprint(read.raw) !== this.fingerprint) return { loggedIn: true };
    if (
      !this.expiredSent &&
      read.status === 'ok' &&
      Date.parse(read.token.expiresAt) <= clock.now().getTime()
    ) {
      this.expiredSent = true;
      return { loggedIn: false, expired: sessionEvents.expired(session, read.token.expiresAt, clock.now()) };
    }
    return { loggedIn: false };
  }

  /**
   * A login request read once is easily missed (a busy channel, a night): while the session still waits,
   * session.reauth_required goes out again every `reauth.remind` (`every`, ms; 0 = never). The
   * dispatcher's cooldown still holds back a reminder that comes sooner than a notifier's cooldown.
   */
  reminder(every: number, since: string | undefined, now: Date): SupervisorEvent | undefined {
    const announced = this.announced;
    if (!announced || every <= 0) return undefined;
    if (now.getTime() - announced.at < every) return undefined;
    announced.at = now.getTime();
    return {
      ...announced.event,
      time: now.toISOString(),
      message: `${announced.event.message} (reminder: waiting for a login since ${since ?? announced.event.time})`,
    };
  }
}
