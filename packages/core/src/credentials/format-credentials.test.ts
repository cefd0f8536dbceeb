import { formatCredentials } from './format-credentials';

const credentials = {
  accessKeyId: 'ASIAEXAMPLEKEY000001',
  secretAccessKey: 'secret/with+chars=',
  sessionToken: 'token-1',
  expiration: new Date('2026-11-22T10:00:00.000Z'),
};

describe(formatCredentials.name, () => {
  it('process: the credential_process JSON, Version the integer 1, on one line', () => {
    const text = formatCredentials(credentials, 'process');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(text)).toStrictEqual({
      Version: 1,
      AccessKeyId: 'ASIAEXAMPLEKEY000001',
      SecretAccessKey: 'secret/with+chars=',
      SessionToken: 'token-1',
      Expiration: '2026-11-22T10:00:00.000Z',
    });
  });

  it('env: export lines with the names the AWS CLI uses', () => {
    expect(formatCredentials(credentials, 'env')).toBe(
      [
        'export AWS_ACCESS_KEY_ID=ASIAEXAMPLEKEY000001',
        'export AWS_SECRET_ACCESS_KEY=secret/with+chars=',
        'export AWS_SESSION_TOKEN=token-1',
        'export AWS_CREDENTIAL_EXPIRATION=2026-11-22T10:00:00.000Z',
        '',
      ].join('\n'),
    );
  });

  it('env: quotes a value the shell would split or expand', () => {
    const text = formatCredentials({ ...credentials, sessionToken: `a b$c'd` }, 'env');
    expect(text).toContain(`export AWS_SESSION_TOKEN='a b$c'\\''d'\n`);
  });

  it('dotenv: KEY=value lines, double-quoted only when needed', () => {
    const text = formatCredentials({ ...credentials, sessionToken: 'a "b"' }, 'dotenv');
    expect(text.split('\n')).toStrictEqual([
      'AWS_ACCESS_KEY_ID=ASIAEXAMPLEKEY000001',
      'AWS_SECRET_ACCESS_KEY=secret/with+chars=',
      'AWS_SESSION_TOKEN="a \\"b\\""',
      'AWS_CREDENTIAL_EXPIRATION=2026-11-22T10:00:00.000Z',
      '',
    ]);
  });

  it('json: the AWS SDK identity shape with an ISO expiration', () => {
    expect(JSON.parse(formatCredentials(credentials, 'json'))).toStrictEqual({
      accessKeyId: 'ASIAEXAMPLEKEY000001',
      secretAccessKey: 'secret/with+chars=',
      sessionToken: 'token-1',
      expiration: '2026-11-22T10:00:00.000Z',
    });
  });
});
