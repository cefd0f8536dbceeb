import fc from 'fast-check';
import { stringify } from 'yaml';
import { z } from 'zod';
import { defaultConfig } from './supervisor-config';
import { parseConfig } from './parse-config';

const FILE = '/etc/sso/supervisor.yaml';
const HOME = '/home/u';
const parse = (text: string, env: Record<string, string> = {}, notifierSchemas?: Record<string, z.ZodType>) =>
  parseConfig(text, { file: FILE, env, home: HOME, notifierSchemas });

const CONTRACT_EXAMPLE = `version: 1
aws:
  configFile: ~/.aws/config
  cacheDir: ~/.aws/sso/cache
sessions:
  - name: corp
    threshold: 30m
    reauth: { remind: 0 }
  - profile: legacy-admin
defaults:
  schedule: "* * * * *"
  threshold: 20m
  retry: { attempts: 4, baseDelay: 2s, maxDelay: 1m }
  timeout: 15s
reauth:
  mode: notify
  remind: 2h
notifiers:
  - name: team
    type: slack
    webhookUrl: \${SLACK_WEBHOOK_URL}
    events: [session.reauth_required, token.refresh_failed]
  - name: me
    type: macos
    private: true
  - name: audit
    type: webhook
    url: https://hooks.example.com/sso
    secret: \${HOOK_SECRET}
    events: ["*"]
  - name: teams
    module: "@acme/sso-notifier-teams"
    options: { url: https://example.com }
log:
  level: info
  file: supervisor.log
  maxSize: 10m
  maxFiles: 5
`;

const ENV = { SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/x', HOOK_SECRET: 'hook-secret-value' };

const SCHEMAS = {
  slack: z.object({ webhookUrl: z.string().url() }).strict(),
  macos: z.object({ sound: z.boolean().default(false) }).strict(),
  webhook: z.object({ url: z.string().url(), secret: z.string().optional() }).strict(),
};

describe(parseConfig.name, () => {
  it('reads the contract example into milliseconds, absolute paths and notifier options', () => {
    const { config, errors, warnings } = parse(CONTRACT_EXAMPLE, ENV, SCHEMAS);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(config).toEqual({
      file: FILE,
      version: 1,
      aws: { configFile: '/home/u/.aws/config', cacheDir: '/home/u/.aws/sso/cache' },
      sessions: [
        { name: 'corp', threshold: 1_800_000, reauth: { remind: 0 }, line: 6 },
        { profile: 'legacy-admin', line: 9 },
      ],
      defaults: {
        schedule: '* * * * *',
        threshold: 1_200_000,
        retry: { attempts: 4, baseDelay: 2_000, maxDelay: 60_000 },
        timeout: 15_000,
        registrationWarning: 259_200_000,
        sessionWarning: 1_800_000,
        reauth: { remind: 7_200_000 },
      },
      reauth: { mode: 'notify', backoffMs: 3_600_000 },
      notifiers: [
        {
          name: 'team',
          type: 'slack',
          events: ['session.reauth_required', 'token.refresh_failed'],
          private: false,
          cooldown: 1_800_000,
          options: { webhookUrl: ENV.SLACK_WEBHOOK_URL },
          path: 'notifiers[0]',
        },
        {
          name: 'me',
          type: 'macos',
          private: true,
          cooldown: 1_800_000,
          options: { sound: false },
          path: 'notifiers[1]',
        },
        {
          name: 'audit',
          type: 'webhook',
          events: ['*'],
          private: false,
          cooldown: 1_800_000,
          options: { url: 'https://hooks.example.com/sso', secret: ENV.HOOK_SECRET },
          path: 'notifiers[2]',
        },
        {
          name: 'teams',
          module: '@acme/sso-notifier-teams',
          private: false,
          cooldown: 1_800_000,
          options: { url: 'https://example.com' },
          path: 'notifiers[3]',
        },
      ],
      exports: [],
      log: { level: 'info', file: 'supervisor.log', maxSize: 10_485_760, maxFiles: 5 },
    });
  });

  it('fills every default from `version: 1` alone', () => {
    const { config, errors } = parse('version: 1\n');
    expect(errors).toEqual([]);
    expect(config).toEqual({ ...defaultConfig(), file: FILE });
  });

  it('keeps unset sections at their defaults when a key has nothing after it', () => {
    const { config, errors } = parse('version: 1\naws:\nsessions:\ndefaults:\n  threshold:\n');
    expect(errors).toEqual([]);
    expect(config).toEqual({ ...defaultConfig(), file: FILE });
  });

  it('resolves relative paths from the config folder, except the log file, which lives in the state dir', () => {
    const text =
      'version: 1\naws: { configFile: aws/config, cacheDir: /var/cache }\nstateDir: ~/state\nlog: { file: logs/s.log }\n';
    const { config } = parse(text);
    expect(config?.aws).toEqual({ configFile: '/etc/sso/aws/config', cacheDir: '/var/cache' });
    expect(config?.stateDir).toBe('/home/u/state');
    expect(config?.log.file).toBe('logs/s.log');
  });

  it('reads exports: paths placed like the others, the section named after the profile, 10m to renew', () => {
    const text = [
      'version: 1',
      'exports:',
      '  - { profile: dev, path: app/.env.local, format: dotenv }',
      '  - { profile: dev, path: ~/.aws/credentials, format: credentials, renewBefore: 15m }',
      '  - { profile: prod, path: ~/.aws/credentials, format: credentials, section: prod-exported }',
    ].join('\n');
    const { config, errors } = parse(text);
    expect(errors).toEqual([]);
    expect(config?.exports).toEqual([
      {
        profile: 'dev',
        path: '/etc/sso/app/.env.local',
        format: 'dotenv',
        renewBefore: 600_000,
        at: 'exports[0]',
      },
      {
        profile: 'dev',
        path: '/home/u/.aws/credentials',
        format: 'credentials',
        section: 'dev',
        renewBefore: 900_000,
        at: 'exports[1]',
      },
      {
        profile: 'prod',
        path: '/home/u/.aws/credentials',
        format: 'credentials',
        section: 'prod-exported',
        renewBefore: 600_000,
        at: 'exports[2]',
      },
    ]);
  });

  it('completes a partial retry override from the defaults in the file', () => {
    const text =
      'version: 1\ndefaults:\n  retry: { attempts: 6 }\nsessions:\n  - name: corp\n    retry: { maxDelay: 5m }\n';
    const { config } = parse(text);
    expect(config?.defaults.retry).toEqual({ attempts: 6, baseDelay: 2_000, maxDelay: 60_000 });
    expect(config?.sessions).toEqual([
      { name: 'corp', retry: { attempts: 6, baseDelay: 2_000, maxDelay: 300_000 }, line: 5 },
    ]);
  });

  it('reads the login settings: session length and warnings in defaults and per session, device-code re-auth', () => {
    const text = [
      'version: 1',
      'defaults: { sessionDuration: 8h, registrationWarning: 0 }',
      'sessions:',
      '  - name: corp',
      '    sessionDuration: 12h',
      '    sessionWarning: 1h',
      'reauth: { mode: device-code, backoff: 2h }',
    ].join('\n');
    const { config, errors } = parse(text);
    expect(errors).toEqual([]);
    expect(config?.defaults).toMatchObject({
      sessionDuration: 28_800_000,
      registrationWarning: 0,
      sessionWarning: 1_800_000,
    });
    expect(config?.sessions).toEqual([
      { name: 'corp', sessionDuration: 43_200_000, sessionWarning: 3_600_000, line: 4 },
    ]);
    expect(config?.reauth).toEqual({ mode: 'device-code', backoffMs: 7_200_000 });
  });

  it('refuses a session length of 0', () => {
    const { errors } = parse('version: 1\ndefaults: { sessionDuration: 0 }\n');
    expect(errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'defaults.sessionDuration: must be more than 0',
    ]);
  });

  it('interpolates `${NAME}` in string values anywhere, and `$${` is a literal', () => {
    const text = [
      'version: 1',
      'stateDir: ${STATE}/sso',
      'notifiers:',
      '  - name: ${WHO}',
      '    module: ./n.js',
      '    template: "$${HOME} stays"',
      '    headers: [ "x-${WHO}" ]',
    ].join('\n');
    const { config, errors } = parse(text, { STATE: '/srv', WHO: 'ops' });
    expect(errors).toEqual([]);
    expect(config?.stateDir).toBe('/srv/sso');
    expect(config?.notifiers[0]).toMatchObject({
      name: 'ops',
      options: { template: '${HOME} stays', headers: ['x-ops'] },
    });
  });

  it('accepts a 6-field cron expression and any notifier type when no schemas are given', () => {
    const text =
      'version: 1\ndefaults: { schedule: "*/30 * * * * *" }\nnotifiers: [{ name: a, type: pager, key: k }]\n';
    const { config, errors } = parse(text);
    expect(errors).toEqual([]);
    expect(config?.defaults.schedule).toBe('*/30 * * * * *');
    expect(config?.notifiers[0].options).toEqual({ key: 'k' });
  });

  it('keeps option keys that are also names of Object.prototype members as plain options', () => {
    const { config, errors } = parse(
      'version: 1\nnotifiers: [{ name: a, module: m, toString: x, options: { constructor: y } }]\n',
    );
    expect(errors).toEqual([]);
    expect(config?.notifiers[0].options).toEqual({ toString: 'x', constructor: 'y' });
  });

  it.each<[string, string, string[]]>([
    ['in defaults', 'version: 1\ndefaults:\n  threshold: 10m\n', ['3:14 defaults.threshold']],
    [
      'in session overrides',
      'version: 1\nsessions:\n  - name: a\n    threshold: 5m\n  - name: b\n    threshold: 14m\n',
      ['4:16 sessions[0].threshold', '6:16 sessions[1].threshold'],
    ],
    ['not at 15m', 'version: 1\ndefaults: { threshold: 900 }\nsessions: [{ name: a, threshold: 15m }]\n', []],
  ])('warns about thresholds under 15m %s', (_name, text, where) => {
    const { config, warnings } = parse(text);
    expect(config).not.toBeNull();
    expect(warnings.map((w) => `${w.line}:${w.col} ${w.path}`)).toEqual(where);
    for (const warning of warnings)
      expect(warning.message).toMatch(/AWS CLI refreshes .* 15 minutes .* single-use/);
  });

  it('still warns about the threshold while the file has errors', () => {
    const { config, warnings, errors } = parse('version: 1\ndefaults: { threshold: 1m, timeout: nope }\n');
    expect(config).toBeNull();
    expect(errors).toHaveLength(1);
    expect(warnings.map((w) => w.path)).toEqual(['defaults.threshold']);
  });

  it('passes YAML warnings on with their position', () => {
    const { warnings, errors } = parse('version: 1\nstateDir: !custom /x\n');
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      { file: FILE, line: 2, col: 11, path: '', message: expect.stringContaining('!custom') },
    ]);
  });

  it('never throws, and places every issue inside the text, whatever the input', () => {
    const damaged = fc
      .tuple(fc.nat(CONTRACT_EXAMPLE.length), fc.nat(40), fc.string({ maxLength: 3 }))
      .map(([at, cut, insert]) => CONTRACT_EXAMPLE.slice(0, at) + insert + CONTRACT_EXAMPLE.slice(at + cut));
    const yamlish = fc.oneof(
      damaged,
      fc.string(),
      fc.anything().map((value) => stringify(value) ?? ''),
      fc
        .dictionary(fc.constantFrom('version', 'defaults', 'notifiers', 'sessions', 'log'), fc.anything())
        .map((v) => stringify(v) ?? ''),
    );
    fc.assert(
      fc.property(yamlish, (text) => {
        const lines = text.split('\n').length;
        const { config, errors, warnings } = parse(text, ENV, SCHEMAS);
        expect(config === null).toBe(errors.length > 0);
        for (const issue of [...errors, ...warnings]) {
          expect(issue.line).toBeGreaterThanOrEqual(1);
          expect(issue.line).toBeLessThanOrEqual(lines);
          expect(issue.col).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});
