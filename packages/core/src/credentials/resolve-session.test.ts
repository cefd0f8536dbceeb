import { discoverSessions } from '../aws-config/discover-sessions';
import { findSession, resolveSession, resolveSsoProfile } from './resolve-session';
import type { AwsConfigData } from '../aws-config/read-aws-config';

const { sessions } = discoverSessions(
  {
    ssoSessions: { corp: { sso_start_url: 'https://d-1.awsapps.com/start', sso_region: 'us-east-1' } },
    profiles: {
      dev: { sso_session: 'corp' },
      old: { sso_start_url: 'https://d-2.awsapps.com/start', sso_region: 'us-east-1' },
    },
    findings: [],
  },
  '/c',
  '/cache',
);

describe(findSession.name, () => {
  it('finds an sso-session by name, or by one of its profiles', () => {
    expect(findSession(sessions, 'corp')?.id).toBe('corp');
    expect(findSession(sessions, 'dev')?.id).toBe('corp');
  });

  it('finds a legacy session by its profile', () => {
    expect(findSession(sessions, 'old')?.id).toBe('legacy:https://d-2.awsapps.com/start');
  });

  it('returns undefined for a name that is neither', () => {
    expect(findSession(sessions, 'nope')).toBeUndefined();
  });
});

const FILE = '/home/u/.aws/config';

function lookup(config: Omit<AwsConfigData, 'findings'>) {
  const awsConfig = { ...config, findings: [] };
  const { sessions, findings } = discoverSessions(awsConfig, FILE, '/home/u/.aws/sso/cache');
  return { awsConfig, paths: { awsConfigFile: FILE }, sessions, findings };
}

const setup = lookup({
  ssoSessions: {
    corp: { sso_start_url: 'https://d-1.awsapps.com/start', sso_region: 'eu-west-1' },
    broken: { sso_region: 'eu-west-1' },
  },
  profiles: {
    dev: { sso_session: 'corp', sso_account_id: '111111111111', sso_role_name: 'Developer' },
    legacy: {
      sso_start_url: 'https://d-2.awsapps.com/start',
      sso_region: 'us-east-1',
      sso_account_id: '222222222222',
      sso_role_name: 'Admin',
    },
    norole: { sso_session: 'corp', sso_account_id: '111111111111' },
    keys: { aws_access_key_id: 'AKIA...' },
    orphan: { sso_session: 'broken', sso_account_id: '1', sso_role_name: 'R' },
    moved: { sso_session: 'corp', sso_region: 'us-east-1', sso_account_id: '1', sso_role_name: 'R' },
  },
});

describe(resolveSsoProfile.name, () => {
  it('resolves an sso-session profile to its session, account and role', () => {
    const result = resolveSsoProfile(setup, 'dev');
    expect(result).toMatchObject({
      profile: { name: 'dev', accountId: '111111111111', roleName: 'Developer', session: { name: 'corp' } },
    });
  });

  it('resolves a legacy profile to its start-URL session', () => {
    const result = resolveSsoProfile(setup, 'legacy');
    expect(result).toMatchObject({
      profile: { session: { name: null, startUrl: 'https://d-2.awsapps.com/start' }, roleName: 'Admin' },
    });
  });

  it.each([
    ['missing', `profile "missing" is not in ${FILE} (SSO profiles there: dev, norole, legacy)`],
    ['keys', `profile "keys" in ${FILE} is not an SSO profile: it has neither sso_session nor sso_start_url`],
    [
      'norole',
      `profile "norole" in ${FILE} has no sso_role_name, so there is no role to get credentials for`,
    ],
    ['orphan', `profile "orphan" in ${FILE}: its sso-session "broken" is missing or incomplete`],
    [
      'moved',
      `${FILE}: [profile moved] sso_region: The value for sso_region is inconsistent between profile ` +
        '(us-east-1) and sso-session (eu-west-1); botocore and the AWS CLI refuse this profile ' +
        '(InvalidConfigError): remove it from the profile',
    ],
    ['dvv', `profile "dvv" is not in ${FILE} (did you mean "dev"?)`],
    [
      'x'.repeat(5000),
      `profile "${'x'.repeat(64)}..." (5000 characters) is not in ${FILE} (SSO profiles there: dev, norole, legacy)`,
    ],
  ])('names what is wrong with profile %s as a config failure', (name, message) => {
    expect(resolveSsoProfile(setup, name)).toStrictEqual({ failure: { kind: 'config', message } });
  });
});

describe(resolveSession.name, () => {
  const setup = {
    awsConfig: { profiles: {}, ssoSessions: {}, findings: [] },
    paths: { awsConfigFile: FILE },
    sessions,
  };

  it('resolves a session or profile name to its session', () => {
    expect(resolveSession(setup, 'dev')).toMatchObject({ session: { id: 'corp' } });
  });

  it('suggests the closest session or profile name', () => {
    expect(resolveSession(setup, 'corq')).toMatchObject({
      failure: { message: `no SSO session or profile "corq" in ${FILE} (did you mean "corp"?)` },
    });
  });

  it('names the sessions there are when the name is unknown', () => {
    expect(resolveSession(setup, 'nope')).toStrictEqual({
      failure: {
        kind: 'config',
        message: `no SSO session or profile "nope" in ${FILE} (sessions: corp, old)`,
      },
    });
  });
});
