import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SupervisedSession } from '../config/session-settings';
import type { SupervisorEvent } from '../events/supervisor-event';
import type { Setup } from '../setup/load-setup';
import type { SessionRecord } from '../state/state-file';
import { humanTime } from '../util/human-time';
import type { Logger } from '../util/logger';
import type { DaemonLogins } from './daemon-logins';
import { LoginLinks } from './login-links';
import { buildStatusModel, RecentEvents } from './status-model';
import { LOGIN_PREFIX, STATUS_PREFIX, webRoutes } from './web-routes';

/** A link lives until the next reminder brings a new one; with reminders off, this long. */
export const LINK_LIFETIME_WITHOUT_REMINDERS_MS = 15 * 60_000;

export interface DaemonWebDeps {
  setup: () => Setup;
  /** The daemon's own record of a session (state, last refresh, next check). */
  record: (id: string) => SessionRecord | undefined;
  logins: DaemonLogins;
  logger: Logger;
  now?: () => number;
}

/**
 * What the daemon shows a browser on its loopback server: one-time login links for notifications
 * (`reauth.mode: browser`) and the status page behind a key made anew at every start (192 random bits;
 * it goes to server.json, 0600). Links exist only while the server listens: without it there is nothing
 * to open, and session.reauth_required goes out without one.
 */
export class DaemonWeb {
  readonly statusKey = randomBytes(24).toString('base64url');
  readonly links: LoginLinks;
  private readonly events = new RecentEvents();
  private origin: string | null = null;

  constructor(private readonly deps: DaemonWebDeps) {
    this.links = new LoginLinks(deps.now);
  }

  /** The loopback server listens on `port` (null: it stopped). */
  listening(port: number | null): void {
    this.origin = port === null ? null : `http://127.0.0.1:${port}`;
  }

  /** A one-time login link for the session, or undefined when none can be served (no server, a legacy profile). */
  loginUrl({ session, settings }: SupervisedSession): string | undefined {
    if (!this.origin || session.name === null) return undefined;
    const remind = settings.reauth.remind;
    const token = this.links.mint(session.name, remind > 0 ? remind : LINK_LIFETIME_WITHOUT_REMINDERS_MS);
    return `${this.origin}${LOGIN_PREFIX}${encodeURIComponent(session.name)}?t=${token}`;
  }

  /** An EventBus listener: keeps recent events for the page, and spends a restored session's links. */
  readonly listen = (event: SupervisorEvent): void => {
    this.events.listen(event);
    if (event.type === 'session.restored' && event.session) this.links.spendAll(event.session);
  };

  /** The status page's path; with the origin it is what `status --web` prints. */
  get statusPath(): string {
    return `${STATUS_PREFIX}${this.statusKey}`;
  }

  handler(): (req: IncomingMessage, res: ServerResponse) => boolean {
    const { deps } = this;
    return webRoutes({
      statusKey: this.statusKey,
      links: this.links,
      supervised: () => deps.setup().supervised,
      startLogin: (supervised) => deps.logins.start(supervised),
      model: () =>
        buildStatusModel({
          supervised: deps.setup().supervised,
          record: deps.record,
          events: this.events,
          loginRunning: (id) => deps.logins.isRunning(id),
        }),
      time: humanTime(),
      logger: deps.logger,
    });
  }
}
