import type { RoleCredentials } from './role-cache';

export const CREDENTIALS_FORMATS = ['process', 'env', 'dotenv', 'json'] as const;
export type CredentialsFormat = (typeof CREDENTIALS_FORMATS)[number];

/** The variables the AWS CLI's `configure export-credentials --format env` prints, in its order. */
function variables(c: RoleCredentials): [string, string][] {
  return [
    ['AWS_ACCESS_KEY_ID', c.accessKeyId],
    ['AWS_SECRET_ACCESS_KEY', c.secretAccessKey],
    ['AWS_SESSION_TOKEN', c.sessionToken],
    ['AWS_CREDENTIAL_EXPIRATION', c.expiration.toISOString()],
  ];
}

const PLAIN = /^[A-Za-z0-9+/=_.:-]*$/;
const shellQuote = (v: string) => (PLAIN.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`);
const dotenvQuote = (v: string) => (PLAIN.test(v) ? v : JSON.stringify(v));

/**
 * Role credentials as text: `process` is the credential_process JSON (`Version` the integer 1, ISO
 * `Expiration`), `env` is `export` lines for `eval`, `dotenv` is KEY=value lines, `json` the SDK's shape.
 */
export function formatCredentials(c: RoleCredentials, format: CredentialsFormat): string {
  switch (format) {
    case 'process':
      return `${JSON.stringify({
        Version: 1,
        AccessKeyId: c.accessKeyId,
        SecretAccessKey: c.secretAccessKey,
        SessionToken: c.sessionToken,
        Expiration: c.expiration.toISOString(),
      })}\n`;
    case 'env':
      return variables(c)
        .map(([k, v]) => `export ${k}=${shellQuote(v)}\n`)
        .join('');
    case 'dotenv':
      return variables(c)
        .map(([k, v]) => `${k}=${dotenvQuote(v)}\n`)
        .join('');
    case 'json':
      return `${JSON.stringify({ ...c, expiration: c.expiration.toISOString() }, null, 2)}\n`;
  }
}
