import { execFileSync } from 'node:child_process';
import { applyVariables, brokerVariables, formatVariables, staticVariables } from './broker-env';

const token = 'a'.repeat(64);
const vars = brokerVariables({
  port: 4242,
  profile: 'dev',
  token,
  region: "eu-west-1'",
  env: {},
});

describe('broker variables', () => {
  it('sh: eval sets the endpoint and removes what would win over it', () => {
    const script = `eval "$VARS"; env`;
    const out = execFileSync('sh', ['-c', script], {
      env: {
        PATH: process.env.PATH,
        VARS: formatVariables(vars, 'sh'),
        AWS_PROFILE: 'old',
        AWS_ACCESS_KEY_ID: 'AKIA',
        AWS_SECRET_ACCESS_KEY: 's',
        AWS_SESSION_TOKEN: 't',
        AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/x',
        AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: '/elsewhere',
      },
      encoding: 'utf8',
    });
    const seen = Object.fromEntries(
      out.split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    expect(seen).toMatchObject({
      AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://127.0.0.1:4242/v1/credentials/dev',
      AWS_CONTAINER_AUTHORIZATION_TOKEN: token,
      AWS_REGION: "eu-west-1'",
    });
    for (const gone of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'])
      expect(seen[gone]).toBeUndefined();
    expect(seen.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI).toBeUndefined();
    expect(seen.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE).toBeUndefined();
  });

  it('keeps a region the environment already has', () => {
    const own = brokerVariables({
      port: 1,
      profile: 'p',
      token,
      region: 'x',
      env: { AWS_REGION: 'y' },
    });
    expect(own.set.AWS_REGION).toBeUndefined();
  });

  it('fish: source sets and erases the same', () => {
    const out = execFileSync('fish', ['--no-config', '-c', 'printf %s $VARS | source; env'], {
      env: { PATH: process.env.PATH, VARS: formatVariables(vars, 'fish'), AWS_PROFILE: 'old', HOME: '/tmp' },
      encoding: 'utf8',
    });
    expect(out).toContain(`AWS_REGION=eu-west-1'\n`);
    expect(out).toContain('AWS_CONTAINER_CREDENTIALS_FULL_URI=http://127.0.0.1:4242/v1/credentials/dev\n');
    expect(out).not.toContain('AWS_PROFILE=');
  });

  it('dotenv and json', () => {
    expect(formatVariables(vars, 'fish')).toContain(`set -gx AWS_REGION 'eu-west-1\\'';`);
    expect(formatVariables(vars, 'fish')).toContain('set -e AWS_PROFILE;');
    expect(formatVariables(vars, 'dotenv')).toContain(`AWS_CONTAINER_AUTHORIZATION_TOKEN=${token}\n`);
    expect(formatVariables(vars, 'dotenv')).not.toContain('AWS_PROFILE');
    expect(JSON.parse(formatVariables(vars, 'json'))).toEqual(vars);
  });

  it('static: the credentials, and no endpoint left behind', () => {
    const expiration = new Date('2026-12-02T10:00:00Z');
    const c = { accessKeyId: 'ASIA1', secretAccessKey: 's', sessionToken: 't', expiration };
    const env = applyVariables(
      { AWS_PROFILE: 'p', AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://x', HOME: '/h' },
      staticVariables(c, undefined, {}),
    );
    expect(env).toEqual({
      HOME: '/h',
      AWS_ACCESS_KEY_ID: 'ASIA1',
      AWS_SECRET_ACCESS_KEY: 's',
      AWS_SESSION_TOKEN: 't',
      AWS_CREDENTIAL_EXPIRATION: '2026-12-02T10:00:00.000Z',
    });
  });
});
