import type { CredentialsFailure } from '../errors';
import type { SsoProfile } from '../credentials/sso-profile';
import type { DoctorCheck } from './doctor-check';

/** The profile's SSO settings are complete: a session with a start URL and region, an account and a role. */
export function checkSsoProfile(
  name: string,
  resolved: { profile: SsoProfile } | { failure: CredentialsFailure },
): DoctorCheck {
  const title = `profile ${name}`;
  if ('failure' in resolved) {
    return {
      status: 'fail',
      title,
      detail: resolved.failure.message,
      fix: `run \`aws configure sso --profile ${name}\`, or add the missing settings by hand`,
    };
  }
  const { session, accountId, roleName } = resolved.profile;
  const via = session.name ? `sso-session ${session.name}` : `legacy start URL ${session.startUrl}`;
  return { status: 'pass', title, detail: `${via}, account ${accountId}, role ${roleName}` };
}
