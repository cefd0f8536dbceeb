import { discoverSessions } from '../aws-config/discover-sessions';
import { checkAwsConfig } from './check-aws-config';

const FILE = '/home/u/.aws/config';
const { sessions } = discoverSessions(
  {
    ssoSessions: { corp: { sso_start_url: 'https://d-1.awsapps.com/start', sso_region: 'us-east-1' } },
    profiles: { dev: { sso_session: 'corp' }, prod: { sso_session: 'corp' } },
    findings: [],
  },
  FILE,
  '/cache',
);

describe(checkAwsConfig.name, () => {
  it('passes and counts sessions and profiles', () => {
    expect(checkAwsConfig(FILE, [], sessions)).toStrictEqual({
      status: 'pass',
      title: 'AWS config',
      detail: `${FILE}: 1 SSO session(s), 2 profile(s)`,
    });
  });

  it('fails on an error finding, naming section and field', () => {
    const finding = {
      severity: 'error' as const,
      file: FILE,
      section: 'sso-session x',
      field: 'sso_region',
      message: 'is required',
    };
    expect(checkAwsConfig(FILE, [finding], sessions)).toMatchObject({
      status: 'fail',
      detail: `${FILE}: [sso-session x] sso_region: is required`,
      fix: expect.stringContaining('aws configure sso'),
    });
  });

  it('warns on a warning finding', () => {
    const finding = { severity: 'warning' as const, file: FILE, message: 'odd' };
    expect(checkAwsConfig(FILE, [finding], sessions).status).toBe('warn');
  });

  it('warns when there is nothing SSO in the file', () => {
    expect(checkAwsConfig(FILE, [], [])).toMatchObject({
      status: 'warn',
      detail: `${FILE} has no SSO profiles or sso-sessions`,
    });
  });
});
