import type { SsoSession } from '../aws-config/sso-session';

/** An sso-session by name, else the session of the profile so named (a legacy profile has no session name). */
export function findSession(sessions: SsoSession[], nameOrProfile: string): SsoSession | undefined {
  return (
    sessions.find((s) => s.name === nameOrProfile) ?? sessions.find((s) => s.profiles.includes(nameOrProfile))
  );
}
