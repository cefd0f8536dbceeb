import { discoverSessions } from '../aws-config/discover-sessions';
import { findSession } from './find-session';

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
