import { checkSupervisorConfig, checkAwsConfig, checkLegacyProfiles, checkSsoProfile } from './config-checks';
import { discoverSessions } from '../aws-config/discover-sessions';
import { sampleSession } from '../test-support/sample-session';

describe(checkSupervisorConfig.name, () => {
  it('passes with a clean file, or with none', () => {
    expect(checkSupervisorConfig('/c/supervisor.yaml', [], [])).toMatchObject({
      status: 'pass',
      detail: '/c/supervisor.yaml',
    });
    expect(checkSupervisorConfig(null, [], []).detail).toMatch(/^no supervisor.yaml/);
  });

  it('warns with its warnings', () => {
    expect(checkSupervisorConfig('/c/s.yaml', [], ['threshold 5m is below 15m'])).toMatchObject({
      status: 'warn',
      detail: '/c/s.yaml: threshold 5m is below 15m',
    });
  });

  it('fails with its errors and says the rest runs on defaults', () => {
    const check = checkSupervisorConfig('/c/s.yaml', ['/c/s.yaml:1:10 version: must be 1'], []);
    expect(check).toMatchObject({ status: 'fail', fix: expect.stringContaining('validate') });
    expect(check.detail).toBe('/c/s.yaml:1:10 version: must be 1; the other checks use the defaults');
  });
});

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

describe(checkSsoProfile.name, () => {
  it('passes with the session, account and role', () => {
    const profile = { name: 'dev', session: sampleSession('/c', 'corp'), accountId: '111', roleName: 'Dev' };
    expect(checkSsoProfile('dev', { profile })).toStrictEqual({
      status: 'pass',
      title: 'profile dev',
      detail: 'sso-session corp, account 111, role Dev',
    });
  });

  it('names a legacy profile by its start URL', () => {
    const session = { ...sampleSession('/c', 'x'), name: null };
    const profile = { name: 'old', session, accountId: '1', roleName: 'R' };
    expect(checkSsoProfile('old', { profile }).detail).toBe(
      'legacy start URL https://d-123.awsapps.com/start, account 1, role R',
    );
  });

  it('fails with what is missing and how to set it', () => {
    const failure = { kind: 'config' as const, message: 'profile "dev" in /c has no sso_role_name' };
    expect(checkSsoProfile('dev', { failure })).toStrictEqual({
      status: 'fail',
      title: 'profile dev',
      detail: 'profile "dev" in /c has no sso_role_name',
      fix: 'run `aws configure sso --profile dev`, or add the missing settings by hand',
    });
  });
});

describe(checkLegacyProfiles.name, () => {
  const session = sampleSession('/tmp/cache', 'corp');
  it('says nothing when every profile uses an sso-session', () => {
    expect(checkLegacyProfiles('/h/.aws/config', [session])).toBeUndefined();
  });
  it('warns about legacy profiles, citing the 8-hour limit and the migrate command', () => {
    const legacy = { ...session, id: 'legacy:x', name: null, profiles: ['old', 'older'] };
    expect(checkLegacyProfiles('/h/.aws/config', [session, legacy])).toEqual({
      status: 'warn',
      title: 'legacy SSO profiles',
      detail: expect.stringMatching(/^old, older in \/h\/\.aws\/config .*8 hours \(aws\/aws-cli#8305\)$/),
      fix: expect.stringContaining('sso-supervisor migrate --dry-run'),
    });
  });
});
