import type { RoleCredentials } from '../credentials/role-cache';

export const BROKER_ENV_FORMATS = ['sh', 'fish', 'dotenv', 'json'] as const;
export type BrokerEnvFormat = (typeof BROKER_ENV_FORMATS)[number];

/** Variables to set and to remove in a job's environment. */
export interface JobVariables {
  set: Record<string, string>;
  unset: string[];
}

/**
 * Everything that would win over the container provider in the SDKs' chains (botocore and the JS SDK read
 * the environment's keys, a profile, web identity, then the container endpoint), and the leftovers of an
 * earlier `eval`. AWS_CONTAINER_CREDENTIALS_RELATIVE_URI (ECS) is preferred to the full URI by both.
 */
const SHADOWING = [
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_SECURITY_TOKEN',
  'AWS_CREDENTIAL_EXPIRATION',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_ROLE_ARN',
  'AWS_ROLE_SESSION_NAME',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
];

const CONTAINER = [
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE',
];

/** The profile's region, for a job that no longer has AWS_PROFILE to find it; only when none is set. */
function regionVariables(
  region: string | undefined,
  env: Record<string, string | undefined>,
): Record<string, string> {
  if (!region || env.AWS_REGION || env.AWS_DEFAULT_REGION) return {};
  return { AWS_REGION: region, AWS_DEFAULT_REGION: region };
}

export function credentialsUri(port: number, profile: string): string {
  return `http://127.0.0.1:${port}/v1/credentials/${profile}`;
}

/**
 * The container-credentials variables for a profile served on `port`. The token itself, not its file
 * (AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE): every SDK reads the token (the AWS CLI 2.9 and older botocore
 * know nothing else), and the JS SDK warns on every fetch when both are set. A file the caller set is
 * removed, so the token given is the one used.
 */
export function brokerVariables(input: {
  port: number;
  profile: string;
  token: string;
  region?: string;
  env: Record<string, string | undefined>;
}): JobVariables {
  return {
    set: {
      AWS_CONTAINER_CREDENTIALS_FULL_URI: credentialsUri(input.port, input.profile),
      AWS_CONTAINER_AUTHORIZATION_TOKEN: input.token,
      ...regionVariables(input.region, input.env),
    },
    unset: [...SHADOWING, 'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE'],
  };
}

const STATIC = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_CREDENTIAL_EXPIRATION',
];

/** `exec --static`: the credentials themselves, which end at AWS_CREDENTIAL_EXPIRATION. */
export function staticVariables(
  c: RoleCredentials,
  region: string | undefined,
  env: Record<string, string | undefined>,
): JobVariables {
  return {
    set: {
      AWS_ACCESS_KEY_ID: c.accessKeyId,
      AWS_SECRET_ACCESS_KEY: c.secretAccessKey,
      AWS_SESSION_TOKEN: c.sessionToken,
      AWS_CREDENTIAL_EXPIRATION: c.expiration.toISOString(),
      ...regionVariables(region, env),
    },
    unset: [...SHADOWING.filter((name) => !STATIC.includes(name)), ...CONTAINER],
  };
}

/** `env` with the variables applied, for a child process. */
export function applyVariables(
  env: Record<string, string | undefined>,
  vars: JobVariables,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && !vars.unset.includes(k)) out[k] = v;
  return { ...out, ...vars.set };
}

const shQuote = (v: string) => `'${v.replace(/'/g, `'\\''`)}'`;
const fishQuote = (v: string) => `'${v.replace(/[\\']/g, (c) => `\\${c}`)}'`;
const PLAIN = /^[A-Za-z0-9+/=_.:-]*$/;

/** The variables as text for `eval` (sh, fish), a .env file (which cannot unset) or a program (json). */
export function formatVariables(vars: JobVariables, format: BrokerEnvFormat): string {
  const set = Object.entries(vars.set);
  switch (format) {
    case 'sh':
      return (
        [...set.map(([k, v]) => `export ${k}=${shQuote(v)}`), `unset ${vars.unset.join(' ')}`].join('\n') +
        '\n'
      );
    case 'fish':
      return (
        [
          ...set.map(([k, v]) => `set -gx ${k} ${fishQuote(v)};`),
          ...vars.unset.map((k) => `set -e ${k};`),
        ].join('\n') + '\n'
      );
    case 'dotenv':
      return set.map(([k, v]) => `${k}=${PLAIN.test(v) ? v : JSON.stringify(v)}\n`).join('');
    case 'json':
      return `${JSON.stringify(vars, null, 2)}\n`;
  }
}
