import type { SsoSession } from '../aws-config/discover-sessions';
import { cacheFilePath } from '../cache/cached-token';
import {
  defaultConfig,
  type SessionSelector,
  type SupervisorConfig,
  SESSION_SETTING_KEYS,
} from './supervisor-config';
import { sampleSession } from '../test-support/sample-session';
import { configSchema } from './config-schema';
import { selectSessions, withOverrides } from './session-settings';

const AWS_CONFIG = '/home/me/.aws/config';
const LEGACY_URL = 'https://d-999.awsapps.com/start';

const corp = sampleSession('/cache', 'corp');
const lab = sampleSession('/cache', 'lab');
const legacy: SsoSession = {
  id: `legacy:${LEGACY_URL}`,
  name: null,
  startUrl: LEGACY_URL,
  region: 'eu-west-1',
  registrationScopes: [],
  profiles: ['legacy-admin', 'legacy-ro'],
  cacheFile: cacheFilePath('/cache', { startUrl: LEGACY_URL }),
  loginCommand: 'aws sso login --profile legacy-admin',
};
const discovered = [corp, lab, legacy];

function config(sessions?: SessionSelector[]): SupervisorConfig {
  return { ...defaultConfig(), file: '/home/me/supervisor.yaml', ...(sessions && { sessions }) };
}

describe(selectSessions.name, () => {
  it('supervises every discovered session with the defaults when no list is given', () => {
    const cfg = config();
    const { supervised, errors } = selectSessions(discovered, cfg, AWS_CONFIG);
    expect(errors).toEqual([]);
    expect(supervised).toEqual(discovered.map((session) => ({ session, settings: cfg.defaults })));
  });

  it('supervises only the sessions the list names', () => {
    const cfg = config([{ name: 'lab', line: 3 }]);
    const { supervised, errors } = selectSessions(discovered, cfg, AWS_CONFIG);
    expect(errors).toEqual([]);
    expect(supervised).toEqual([{ session: lab, settings: cfg.defaults }]);
  });

  it('selects the session a profile belongs to, for sso-session and legacy profiles alike', () => {
    const cfg = config([{ profile: 'legacy-ro' }, { profile: 'corp-dev' }]);
    const { supervised, errors } = selectSessions(discovered, cfg, AWS_CONFIG);
    expect(errors).toEqual([]);
    expect(supervised.map((s) => s.session)).toEqual([legacy, corp]);
  });

  it('merges per-session overrides over the defaults', () => {
    const retry = { attempts: 2, baseDelay: 500, maxDelay: 1000 };
    const cfg = config([
      { name: 'corp', schedule: '*/5 * * * *', retry, line: 4 },
      { name: 'lab', threshold: 30 * 60_000 },
    ]);
    const { supervised } = selectSessions(discovered, cfg, AWS_CONFIG);
    const defaults = cfg.defaults;
    expect(supervised).toEqual([
      { session: corp, settings: { ...defaults, schedule: '*/5 * * * *', retry } },
      { session: lab, settings: { ...defaults, threshold: 30 * 60_000 } },
    ]);
  });

  it('reports a listed session or profile the AWS config lacks, with its path and line', () => {
    const cfg = config([
      { name: 'corp', line: 3 },
      { name: 'prod', line: 4 },
      { profile: 'nobody', line: 5 },
    ]);
    const { supervised, errors } = selectSessions(discovered, cfg, AWS_CONFIG);
    expect(supervised.map((s) => s.session)).toEqual([corp]);
    expect(errors).toEqual([
      {
        file: '/home/me/supervisor.yaml',
        line: 4,
        path: 'sessions[1].name',
        message: `sso-session "prod" is not in ${AWS_CONFIG}`,
      },
      {
        file: '/home/me/supervisor.yaml',
        line: 5,
        path: 'sessions[2].profile',
        message: `profile "nobody" is not in ${AWS_CONFIG} as an SSO profile`,
      },
    ]);
  });

  it('does not take a session name for a profile name, nor the other way round', () => {
    const cfg = config([{ profile: 'corp' }, { name: 'corp-dev' }]);
    const { supervised, errors } = selectSessions(discovered, cfg, AWS_CONFIG);
    expect(supervised).toEqual([]);
    expect(errors.map((e) => e.path)).toEqual(['sessions[0].profile', 'sessions[1].name']);
  });

  it('supervises a session once when the list reaches it twice', () => {
    const cfg = config([{ name: 'corp' }, { profile: 'corp-dev' }, { profile: 'legacy-admin' }]);
    const { supervised, errors } = selectSessions(discovered, cfg, AWS_CONFIG);
    expect(errors).toEqual([]);
    expect(supervised.map((s) => s.session.id)).toEqual(['corp', legacy.id]);
  });
});

describe(withOverrides.name, () => {
  const base = defaultConfig().defaults;

  it('takes each setting given and keeps the base for the rest', () => {
    expect(withOverrides(base, { threshold: 1, sessionDuration: 2 })).toStrictEqual({
      ...base,
      threshold: 1,
      sessionDuration: 2,
    });
  });

  it('keeps the base value for a setting given as undefined', () => {
    expect(withOverrides(base, { threshold: undefined })).toStrictEqual(base);
  });

  it('knows the same settings as the schema of `defaults:`', () => {
    const shape = configSchema.shape.defaults.unwrap().shape;
    expect([...SESSION_SETTING_KEYS].sort()).toStrictEqual(Object.keys(shape).sort());
  });
});
