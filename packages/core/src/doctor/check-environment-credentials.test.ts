import { checkEnvironmentCredentials } from './check-environment-credentials';

const KEY_TAIL = 'EXAMPLEKEY123456';

describe(checkEnvironmentCredentials.name, () => {
  it('passes with no keys in the environment', () => {
    expect(checkEnvironmentCredentials({ AWS_PROFILE: 'dev' })).toMatchObject({ status: 'pass' });
  });

  it('fails for a temporary key without its session token', () => {
    expect(checkEnvironmentCredentials({ AWS_ACCESS_KEY_ID: `ASIA${KEY_TAIL}` })).toMatchObject({
      status: 'fail',
      fix: 'unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN',
    });
  });

  it('warns for long-term keys', () => {
    const check = checkEnvironmentCredentials({
      AWS_ACCESS_KEY_ID: `AKIA${KEY_TAIL}`,
      AWS_SECRET_ACCESS_KEY: 's',
    });
    expect(check).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining('long-term access keys (AKIA...)'),
    });
  });

  it('warns for complete temporary credentials, which still shadow the profile', () => {
    const check = checkEnvironmentCredentials({
      AWS_ACCESS_KEY_ID: `ASIA${KEY_TAIL}`,
      AWS_SESSION_TOKEN: 't',
    });
    expect(check).toMatchObject({
      status: 'warn',
      detail: 'AWS_ACCESS_KEY_ID (ASIA...) is set: it is used instead of the SSO profile',
    });
  });

  it('never prints more than the key prefix', () => {
    for (const prefix of ['ASIA', 'AKIA', 'ABCD']) {
      const check = checkEnvironmentCredentials({ AWS_ACCESS_KEY_ID: `${prefix}${KEY_TAIL}` });
      expect(JSON.stringify(check)).not.toContain(KEY_TAIL);
    }
  });
});
