import type { RoleCredentialsOutcome } from '../credentials/obtain-role-credentials';
import type { SsoProfile } from '../credentials/sso-profile';
import type { DoctorCheck } from './doctor-check';

/** The end-to-end check: GetRoleCredentials gives the profile's role credentials. Never prints them. */
export function checkRoleCredentials(profile: SsoProfile, outcome: RoleCredentialsOutcome): DoctorCheck {
  const title = `role credentials ${profile.name}`;
  if (!outcome.ok) {
    const { failure } = outcome;
    const fix = failure.command
      ? `run ${failure.command}`
      : failure.kind === 'forbidden' || failure.kind === 'config'
        ? `\`aws sso list-account-roles --account-id ${profile.accountId} --profile ${profile.name}\` lists the roles you have`
        : 'try again in a minute; if it persists, check the endpoints above';
    return { status: 'fail', title, detail: failure.message, fix };
  }
  const detail = `role ${profile.roleName} in account ${profile.accountId}, valid until ${outcome.credentials.expiration.toISOString()}`;
  if (outcome.warning)
    return { status: 'warn', title, detail: `${detail}; ${outcome.warning}`, fix: 'see the warning' };
  return { status: 'pass', title, detail };
}
