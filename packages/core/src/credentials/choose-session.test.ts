import { discoverSessions } from '../aws-config/discover-sessions';
import { chooseSession, chooseSessions } from './choose-session';

const FILE = '/home/u/.aws/config';
const awsConfig = {
  ssoSessions: {
    corp: { sso_start_url: 'https://d-1.awsapps.com/start', sso_region: 'eu-west-1' },
    newteam: { sso_start_url: 'https://d-3.awsapps.com/start', sso_region: 'eu-west-1' },
  },
  profiles: {
    dev: { sso_session: 'corp' },
    prod: { sso_session: 'corp' },
    fresh: { sso_session: 'newteam' },
    legacy: { sso_start_url: 'https://d-2.awsapps.com/start', sso_region: 'us-east-1' },
    keys: { aws_access_key_id: 'AKIA...' },
  },
  findings: [],
};
const { sessions } = discoverSessions(awsConfig, FILE, '/cache');
const setup = { awsConfig, sessions, paths: { awsConfigFile: FILE } };
const named = (id: string) => sessions.find((s) => s.id === id)!;

describe(chooseSession.name, () => {
  it('takes SESSION as a session or profile name, and --profile as a profile name', () => {
    expect(chooseSession(setup, { session: 'corp' }, {})).toEqual({ session: named('corp') });
    expect(chooseSession(setup, { session: 'prod' }, {})).toEqual({ session: named('corp') });
    expect(chooseSession(setup, { profile: 'legacy' }, {})).toEqual({
      session: named('legacy:https://d-2.awsapps.com/start'),
    });
  });

  it('falls back to a non-empty AWS_PROFILE, as the AWS CLI does', () => {
    expect(chooseSession(setup, {}, { AWS_PROFILE: 'fresh' })).toEqual({ session: named('newteam') });
    expect(chooseSession(setup, { session: 'corp' }, { AWS_PROFILE: 'fresh' })).toEqual({
      session: named('corp'),
    });
    expect(chooseSession(setup, {}, { AWS_PROFILE: 'dv' })).toEqual({
      failure: `no profile "dv" (from AWS_PROFILE) in ${FILE} (did you mean "dev"?)`,
    });
  });

  it('with nothing named, says how to name one and lists the sessions', () => {
    const chosen = chooseSession(setup, {}, { AWS_PROFILE: '' });
    expect(chosen).toEqual({
      failure: [
        'no session given: name one (SESSION or --profile PROFILE) or set AWS_PROFILE',
        `sessions in ${FILE}:`,
        '  corp  (profiles: dev, prod)',
        '  newteam  (profiles: fresh)',
        '  --profile legacy  (legacy profile)',
      ].join('\n'),
    });
  });

  it('refuses both a SESSION and --profile, and names a profile that is no SSO profile', () => {
    expect(chooseSession(setup, { session: 'corp', profile: 'dev' }, {})).toEqual({
      failure: 'give a session name or --profile PROFILE, not both',
    });
    expect(chooseSession(setup, { profile: 'keys' }, {})).toEqual({
      failure: `profile "keys" in ${FILE} is not a complete SSO profile`,
    });
  });
});

describe(chooseSessions.name, () => {
  const supervised = [named('corp'), named('legacy:https://d-2.awsapps.com/start')];

  it('gives every supervised session when none is named, else the named ones once, in order', () => {
    expect(chooseSessions(setup, supervised, [], [])).toEqual({ sessions: supervised });
    expect(chooseSessions(setup, supervised, ['dev', 'corp'], ['legacy'])).toEqual({ sessions: supervised });
    expect(chooseSessions(setup, supervised, [], ['prod'])).toEqual({ sessions: [named('corp')] });
  });

  it('names every unknown one with a did-you-mean, and a known but unsupervised one as such', () => {
    expect(chooseSessions(setup, supervised, ['corq', 'newteam'], ['prd'])).toEqual({
      failures: [
        `no SSO session or profile "corq" in ${FILE} (did you mean "corp"?)`,
        `"newteam" is in ${FILE} but not supervised: supervisor.yaml \`sessions:\` leaves it out`,
        `no profile "prd" in ${FILE} (did you mean "prod"?)`,
      ],
    });
  });
});
