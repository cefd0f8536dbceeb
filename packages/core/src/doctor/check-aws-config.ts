import { formatFinding, type AwsConfigFinding } from '../aws-config/aws-config-finding';
import type { SsoSession } from '../aws-config/sso-session';
import type { DoctorCheck } from './doctor-check';

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
