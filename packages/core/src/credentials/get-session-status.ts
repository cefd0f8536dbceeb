import { readSessionStatus, type SessionStatus } from '../status/session-status';
import { locateSession, type SessionSelection } from './locate-session';

/** How one session stands now, from its cache file alone: no network, no AWS SDK, no refresh. */
export async function getSessionStatus(options: SessionSelection = {}): Promise<SessionStatus> {
  const { setup, session } = await locateSession(options);
  return readSessionStatus(session, new Date(), setup.settingsFor(session).threshold);
}
