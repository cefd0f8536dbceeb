import { defaultConfig } from './supervisor-config';
import { parseConfig } from './parse-config';
import { starterConfig } from './starter-config';

const parse = (text: string, env: Record<string, string> = {}) =>
  parseConfig(text, { file: '/c/supervisor.yaml', env, home: '/home/u' });

const FOUND = [
  { name: 'corp', profiles: ['dev', 'prod'], startUrl: 'https://d-123.awsapps.com/start' },
  { name: 'lab: ${HOME} #1', profiles: [], startUrl: 'https://d-456.awsapps.com/start' },
  { name: null, profiles: ['legacy-admin', 'legacy-ro'], startUrl: 'https://old.awsapps.com/start' },
];

describe(starterConfig.name, () => {
  it('parses back with no errors or warnings, listing every session found and the defaults', () => {
    const { config, errors, warnings } = parse(starterConfig(FOUND));
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(config?.sessions?.map(({ line: _line, ...selector }) => selector)).toEqual([
      { name: 'corp' },
      { name: 'lab: ${HOME} #1' },
      { profile: 'legacy-admin' },
      { profile: 'legacy-ro' },
    ]);
    expect({ ...config, file: null, sessions: undefined }).toEqual(defaultConfig());
  });

  it('explains each setting in comments', () => {
    const lines = starterConfig(FOUND).split('\n');
    for (const key of [
      'aws',
      'sessions',
      'defaults',
      'schedule',
      'threshold',
      'retry',
      'timeout',
      'registrationWarning',
      'sessionWarning',
      'reauth',
      'mode',
      'backoff',
      'notifiers',
      'exports',
      'renewBefore',
      'log',
      'level',
    ]) {
      const at = lines.findIndex((line) => new RegExp(`^(# )?\\s*${key}:`).test(line));
      const explained = /^\s*#/.test(lines[at - 1]) || / # /.test(lines[at]);
      expect({ key, explained }).toEqual({ key, explained: true });
    }
    expect(lines).toContain('  - name: corp  # profiles dev, prod; https://d-123.awsapps.com/start');
    expect(lines.join('\n')).toMatch(/above 15m: the AWS CLI/);
  });

  it('has a sessionDuration example that parses once uncommented', () => {
    const text = starterConfig(FOUND).replace('  # sessionDuration: 8h', '  sessionDuration: 8h');
    const { config, errors } = parse(text);
    expect(errors).toEqual([]);
    expect(config?.defaults.sessionDuration).toBe(8 * 3_600_000);
  });

  it('has an exports example that parses once uncommented', () => {
    const text = starterConfig(FOUND);
    const start = text.indexOf('# exports:');
    const block = text.slice(start, text.indexOf('\n\n', start));
    const { config, errors } = parse(text.replace(block, block.replace(/^# /gm, '')));
    expect(errors).toEqual([]);
    expect(config?.exports).toEqual([
      expect.objectContaining({ profile: 'dev', path: '/home/u/projects/app/.env.local', format: 'dotenv' }),
      expect.objectContaining({
        profile: 'prod',
        format: 'credentials',
        section: 'prod-keys',
        renewBefore: 600_000,
      }),
    ]);
  });

  it('leaves sessions out when none were found, so every session found later is supervised', () => {
    const { config, errors } = parse(starterConfig([]));
    expect(errors).toEqual([]);
    expect(config?.sessions).toBeUndefined();
  });

  it('has a notifier example that parses once uncommented', () => {
    const text = starterConfig(FOUND);
    const start = text.indexOf('# notifiers:');
    const end = text.indexOf('\n\n', start);
    const block = text.slice(start, end);
    const uncommented = text.replace(block, block.replace(/^# /gm, ''));
    const { config, errors } = parse(uncommented, { SLACK_WEBHOOK_URL: 'https://hooks.slack.test/x' });
    expect(errors).toEqual([]);
    expect(config?.notifiers.map((n) => n.name)).toEqual(['team', 'me']);
  });
});
