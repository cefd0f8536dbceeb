import type { DoctorCheck } from './doctor-check';
import { formatFinding, type AwsConfigFinding } from '../aws-config/read-aws-config';
import type { SsoSession } from '../aws-config/discover-sessions';
import type { CredentialsFailure } from '../errors';
import type { SsoProfile } from '../credentials/resolve-session';

/** supervisor.yaml parses (or there is none and the defaults apply). Errors and warnings come formatted. */
export function checkSupervisorConfig(
  file: string | null,
  errors: string[],
  warnings: string[],
): DoctorCheck {
  const title = 'supervisor config';
  if (errors.length) {
    return {
      status: 'fail',
      title,
      detail: `${errors.join('; ')}; the other checks use the defaults`,
      fix: 'correct the lines named; `sso-supervisor validate` checks again',
    };
  }
  const source = file ?? 'no supervisor.yaml: every SSO session with the defaults';
  if (warnings.length) {
    return { status: 'warn', title, detail: `${source}: ${warnings.join('; ')}`, fix: 'see the warnings' };
  }
  return { status: 'pass', title, detail: source };
}

/** The AWS config parses and its SSO sections are complete. */
export function checkAwsConfig(
  file: string,
  findings: AwsConfigFinding[],
  sessions: SsoSession[],
): DoctorCheck {
  const title = 'AWS config';
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length) {
    return {
      status: 'fail',
      title,
      detail: errors.map(formatFinding).join('; '),
      fix: `correct ${file}, or run \`aws configure sso\``,
    };
  }
  if (!sessions.length) {
    return {
      status: 'warn',
      title,
      detail: `${file} has no SSO profiles or sso-sessions`,
      fix: 'run `aws configure sso`, or set AWS_CONFIG_FILE to the config that has them',
    };
  }
  const profiles = sessions.reduce((n, s) => n + s.profiles.length, 0);
  const warnings = findings.map(formatFinding);
  const detail = `${file}: ${sessions.length} SSO session(s), ${profiles} profile(s)`;
  if (warnings.length)
    return { status: 'warn', title, detail: `${detail}; ${warnings.join('; ')}`, fix: `see ${file}` };
  return { status: 'pass', title, detail };
}

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

/**
 * Legacy profiles (start URL and region in the profile) get no refresh token: a fixed 8 hours, then a
 * browser, whatever anyone refreshes (aws/aws-cli#8305). `sso-supervisor migrate` rewrites them.
 */
export function checkLegacyProfiles(file: string, sessions: SsoSession[]): DoctorCheck | undefined {
  const legacy = sessions.filter((s) => s.name === null).flatMap((s) => s.profiles);
  if (!legacy.length) return undefined;
  return {
    status: 'warn',
    title: 'legacy SSO profiles',
    detail: `${legacy.join(', ')} in ${file} keep the start URL in the profile: no refresh token, so a new browser login every 8 hours (aws/aws-cli#8305)`,
    fix: 'run `sso-supervisor migrate --dry-run` to see the rewrite to an [sso-session], then `sso-supervisor migrate`',
  };
}
