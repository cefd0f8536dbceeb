import { discoverSessions } from '../aws-config/discover-sessions';
import { defaultConfig, type ExportEntry } from '../config/supervisor-config';
import { planExports, type ExportSetup } from './plan-exports';

const FILE = '/home/u/.aws/config';
const awsConfig = {
  ssoSessions: { corp: { sso_start_url: 'https://d-1.awsapps.com/start', sso_region: 'eu-west-1' } },
  profiles: {
    dev: { sso_session: 'corp', sso_account_id: '111111111111', sso_role_name: 'Developer' },
    keys: { aws_access_key_id: 'AKIA' },
  },
  findings: [],
};
const { sessions } = discoverSessions(awsConfig, FILE, '/home/u/.aws/sso/cache');
const LONG = { ...defaultConfig().defaults, threshold: 45 * 60_000 };
const setup: ExportSetup = {
  awsConfig,
  paths: { awsConfigFile: FILE, stateDir: '/home/u/.local/state/sso-supervisor' },
  sessions,
  settingsFor: (session) => (session.name === 'corp' ? LONG : defaultConfig().defaults),
};

const entry = (at: number, profile: string, path: string): ExportEntry => ({
  profile,
  path,
  format: 'credentials',
  section: profile,
  renewBefore: 600_000,
  at: `exports[${at}]`,
});

describe(planExports.name, () => {
  it("resolves each profile to its account, role and session, with that session's settings", () => {
    const plan = planExports([entry(0, 'dev', '/home/u/.aws/credentials')], setup);
    expect(plan.problems).toEqual([]);
    expect(plan.jobs).toEqual([
      {
        entry: entry(0, 'dev', '/home/u/.aws/credentials'),
        profile: { name: 'dev', accountId: '111111111111', roleName: 'Developer', session: sessions[0] },
        settings: LONG,
        stateDir: '/home/u/.local/state/sso-supervisor',
      },
    ]);
  });

  it('names what is wrong with an entry, and still plans the others', () => {
    const plan = planExports(
      [
        entry(0, 'missing', '/a/.env'),
        entry(1, 'keys', '/b/.env'),
        entry(2, 'dev', FILE),
        entry(3, 'dev', '/c/credentials'),
      ],
      setup,
    );
    expect(plan.jobs.map((j) => j.entry.at)).toEqual(['exports[3]']);
    expect(plan.problems.map((p) => p.message)).toEqual([
      `exports[0].profile: profile "missing" is not in ${FILE} (SSO profiles there: dev)`,
      `exports[1].profile: profile "keys" in ${FILE} is not an SSO profile: it has neither sso_session nor sso_start_url`,
      `exports[2].path: ${FILE} is the AWS config file; export to ~/.aws/credentials or another file`,
    ]);
  });

  it('plans nothing for no entries', () => {
    expect(planExports([], setup)).toEqual({ jobs: [], problems: [] });
  });
});
