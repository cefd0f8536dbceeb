import type { SsoSession } from '../aws-config/discover-sessions';

/**
 * The `sso-supervisor login` command for a session. Unlike `aws sso login`, which keeps a registration as
 * long as it lives, it renews one that ends soon, so it is what the warnings before the end suggest.
 */
export function supervisorLoginCommand(session: SsoSession): string {
  return session.name !== null
    ? `sso-supervisor login ${session.name}`
    : `sso-supervisor login --profile ${session.profiles[0]}`;
}
