import type { DoctorCheck } from './doctor-check';

const UNSET = 'unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN';

/**
 * Credentials in the environment come first in every AWS SDK's and the CLI's default chain, so they
 * shadow the SSO profile. Only the key's 4-character prefix is ever printed.
 */
export function checkEnvironmentCredentials(env: Record<string, string | undefined>): DoctorCheck {
  const title = 'environment credentials';
  const keyId = env.AWS_ACCESS_KEY_ID;
  if (!keyId) return { status: 'pass', title, detail: 'no AWS_ACCESS_KEY_ID in the environment' };
  const prefix = keyId.slice(0, 4);
  if (prefix === 'ASIA' && !env.AWS_SESSION_TOKEN) {
    return {
      status: 'fail',
      title,
      detail:
        'AWS_ACCESS_KEY_ID holds a temporary key (ASIA...) but AWS_SESSION_TOKEN is not set: every call fails, and the SSO profile is never tried',
      fix: UNSET,
    };
  }
  if (prefix === 'AKIA') {
    return {
      status: 'warn',
      title,
      detail:
        'long-term access keys (AKIA...) are in the environment; they are used instead of the SSO profile and do not expire',
      fix: `${UNSET}, and deactivate the key in IAM if SSO replaces it`,
    };
  }
  return {
    status: 'warn',
    title,
    detail: `AWS_ACCESS_KEY_ID (${prefix}...) is set: it is used instead of the SSO profile`,
    fix: UNSET,
  };
}
