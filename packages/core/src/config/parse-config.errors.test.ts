import { z } from 'zod';
import { formatIssue } from './config-issues';
import { parseConfig } from './parse-config';

const SCHEMAS = {
  slack: z.object({ webhookUrl: z.string().url() }).strict(),
  webhook: z.object({ url: z.string().url(), secret: z.string().min(16).optional() }).strict(),
  macos: z.object({}).strict(),
};
const ENV = { SHORT_SECRET: 'tiny-secret', NOT_A_URL: 'secret-not-a-url' };

function errorsOf(text: string): string[] {
  const result = parseConfig(text, { file: 'c.yaml', env: ENV, home: '/home/u', notifierSchemas: SCHEMAS });
  expect(result.config).toBeNull();
  return result.errors.map(formatIssue);
}

const lines = (...rows: string[]) => rows.join('\n') + '\n';

describe(`${parseConfig.name} errors`, () => {
  it.each<[string, string, string[]]>([
    ['empty text', '', ['c.yaml:1:1 version: missing required field; this file format needs `version: 1`']],
    [
      'only comments',
      '# nothing yet\n',
      ['c.yaml:1:1 version: missing required field; this file format needs `version: 1`'],
    ],
    [
      'version 2',
      'version: 2\n',
      ['c.yaml:1:10 version: unsupported version; this supervisor reads `version: 1`'],
    ],
    [
      'version as a string',
      'version: "1"\n',
      ['c.yaml:1:10 version: unsupported version; this supervisor reads `version: 1`'],
    ],
    [
      'YAML syntax',
      'version: 1\nlog: [1\n',
      [expect.stringMatching(/^c\.yaml:3:1: invalid YAML: Flow sequence .* end with a \]$/)],
    ],
    ['duplicate YAML key', 'version: 1\nversion: 1\n', ['c.yaml:2:1: invalid YAML: Map keys must be unique']],
    ['unknown alias', 'version: 1\nstateDir: *dir\n', ['c.yaml:2:11: invalid YAML: unknown alias *dir']],
    [
      'a list at the top',
      '- version: 1\n',
      ['c.yaml:1:1: expected a map of settings, starting with `version: 1`'],
    ],
    [
      'unknown key, close to a known one',
      lines('version: 1', 'defaults:', '  treshold: 30m'),
      ['c.yaml:3:3 defaults.treshold: unknown key, did you mean `threshold`?'],
    ],
    [
      'unknown key, nothing close',
      lines('version: 1', 'frobnicate: 1'),
      [
        'c.yaml:2:1 frobnicate: unknown key; expected one of version, aws, stateDir, sessions, defaults, reauth, notifiers, exports, server, log',
      ],
    ],
    [
      'a __proto__ key',
      lines('version: 1', '__proto__: { version: 2 }'),
      [
        'c.yaml:2:1 __proto__: unknown key; expected one of version, aws, stateDir, sessions, defaults, reauth, notifiers, exports, server, log',
      ],
    ],
    [
      'wrong type',
      lines('version: 1', 'defaults:', '  retry: { attempts: four }'),
      ['c.yaml:3:22 defaults.retry.attempts: expected a whole number'],
    ],
    [
      'wrong type for a section',
      lines('version: 1', 'log: verbose'),
      ['c.yaml:2:6 log: Invalid input: expected object, received string'],
    ],
    [
      'bad duration',
      lines('version: 1', 'defaults:', '  timeout: 10x'),
      [
        'c.yaml:3:12 defaults.timeout: expected a duration such as 500ms, 90s, 20m, 1h, 1d or 1h30m, or a number of seconds',
      ],
    ],
    [
      'zero threshold',
      lines('version: 1', 'sessions:', '  - name: a', '    threshold: 0'),
      ['c.yaml:4:16 sessions[0].threshold: must be more than 0'],
    ],
    [
      'bad size',
      lines('version: 1', 'log: { maxSize: 10 tons }'),
      [
        'c.yaml:2:17 log.maxSize: expected a size such as 512k, 10m, 1g (powers of 1024) or a number of bytes',
      ],
    ],
    [
      'cron with 3 fields',
      lines('version: 1', 'defaults:', '  schedule: "* * *"'),
      [
        'c.yaml:3:13 defaults.schedule: expected a cron expression of 5 or 6 fields or a nickname such as @hourly, got 3 fields',
      ],
    ],
    [
      'a cron nickname the cron package does not know',
      lines('version: 1', 'defaults:', '  schedule: "@hourli"'),
      ['c.yaml:3:13 defaults.schedule: unknown cron nickname, did you mean `@hourly`?'],
    ],
    [
      'retry settings that would outlast the token (baseDelay: 30d)',
      lines(
        'version: 1',
        'defaults:',
        '  retry: { attempts: 50, baseDelay: 30d, maxDelay: 30d }',
        '  timeout: 1h',
      ),
      [
        'c.yaml:3:22 defaults.retry.attempts: must be at most 10',
        'c.yaml:3:37 defaults.retry.baseDelay: must be at most 1m (the first retry waits this long, while the token runs out)',
        'c.yaml:3:52 defaults.retry.maxDelay: must be at most 5m (every retry waits up to this long, while the token runs out)',
        'c.yaml:4:12 defaults.timeout: must be at most 5m (one call waits this long at most, while the token runs out)',
      ],
    ],
    [
      'a key indented deeper than the key above it (yaml blames the line above, twice)',
      lines('version: 1', 'defaults:', '  threshold: 30m', '    schedule: "* * * * *"'),
      [
        'c.yaml:4:5: invalid YAML: this line is indented deeper than the key above it, which already has a value; line it up with the keys beside it',
      ],
    ],
    [
      'a key indented less than the keys beside it',
      lines('version: 1', 'defaults:', '  threshold: 30m', ' schedule: "* * * * *"'),
      [
        'c.yaml:4:2: invalid YAML: this key is not lined up with the keys above it; every key of one map starts at the same column',
      ],
    ],
    [
      'a list item key indented less than the item',
      lines('version: 1', 'notifiers:', '  - name: a', '    type: slack', '   webhookUrl: https://x.test'),
      [
        'c.yaml:5:4: invalid YAML: this line is lined up with no key above it and is no list item; indent it like the keys of the item above, or start a new item with "- "',
      ],
    ],
    [
      'a tab as indentation',
      lines('version: 1', 'defaults:', '\tthreshold: 30m'),
      ['c.yaml:3:1: invalid YAML: a tab indents this line; YAML indents with spaces only'],
    ],
    [
      'cron out of range',
      lines('version: 1', 'sessions:', '  - name: a', '    schedule: "61 * * * *"'),
      ['c.yaml:4:15 sessions[0].schedule: invalid cron expression: Field value (61) is out of range'],
    ],
    [
      'bad enum',
      lines('version: 1', 'reauth:', '  mode: email'),
      ['c.yaml:3:9 reauth.mode: Invalid option: expected one of "notify"|"device-code"|"browser"'],
    ],
    [
      'retry bounds',
      lines('version: 1', 'defaults:', '  retry: { baseDelay: 10s, maxDelay: 5s }'),
      ['c.yaml:3:38 defaults.retry.maxDelay: must not be shorter than retry.baseDelay'],
    ],
    [
      'session without name or profile',
      lines('version: 1', 'sessions:', '  - threshold: 30m'),
      ['c.yaml:3:5 sessions[0]: give `name` (an sso-session) or `profile` (a legacy SSO profile)'],
    ],
    [
      'session with both',
      lines('version: 1', 'sessions:', '  - { name: a, profile: b }'),
      ['c.yaml:3:25 sessions[0].profile: give either `name` or `profile`, not both'],
    ],
    [
      'session listed twice',
      lines('version: 1', 'sessions:', '  - name: a', '  - name: a'),
      ['c.yaml:4:11 sessions[1].name: listed twice (first at sessions[0])'],
    ],
    [
      'unset variable',
      lines('version: 1', 'notifiers:', '  - name: team', '    type: slack', '    webhookUrl: ${SLACK_URL}'),
      ['c.yaml:5:17 notifiers[0].webhookUrl: environment variable SLACK_URL is not set'],
    ],
    [
      'notifier without name',
      lines('version: 1', 'notifiers:', '  - type: macos'),
      ['c.yaml:3:5 notifiers[0].name: missing required field'],
    ],
    [
      'notifier with neither type nor module',
      lines('version: 1', 'notifiers:', '  - name: a'),
      ['c.yaml:3:5 notifiers[0]: give `type` (a built-in notifier) or `module` (a custom one)'],
    ],
    [
      'notifier with both',
      lines('version: 1', 'notifiers:', '  - { name: a, type: macos, module: ./n.js }'),
      ['c.yaml:3:37 notifiers[0].module: give either `type` or `module`, not both'],
    ],
    [
      'unknown event type',
      lines('version: 1', 'notifiers:', '  - { name: a, type: macos, events: ["*", token.refresh] }'),
      ['c.yaml:3:43 notifiers[0].events[1]: unknown event type, did you mean `token.refreshed`?'],
    ],
    [
      'duplicate notifier names',
      lines('version: 1', 'notifiers:', '  - { name: a, type: macos }', '  - { name: a, type: macos }'),
      ['c.yaml:4:13 notifiers[1].name: duplicate notifier name (first used by notifiers[0])'],
    ],
    [
      'unknown notifier type',
      lines('version: 1', 'notifiers:', '  - { name: a, type: slak }'),
      [
        'c.yaml:3:22 notifiers[0].type: unknown notifier type, did you mean `slack`? (known types: macos, slack, webhook)',
      ],
    ],
    [
      'unknown notifier type, nothing close',
      lines('version: 1', 'notifiers:', '  - { name: a, type: pager }'),
      ['c.yaml:3:22 notifiers[0].type: unknown notifier type; known types: macos, slack, webhook'],
    ],
    [
      'notifier option rejected by its schema',
      lines('version: 1', 'notifiers:', '  - name: team', '    type: slack', '    webhookUrl: not a url'),
      ['c.yaml:5:17 notifiers[0].webhookUrl: Invalid URL'],
    ],
    [
      'notifier option rejected inside options',
      lines(
        'version: 1',
        'notifiers:',
        '  - name: hook',
        '    type: webhook',
        '    options:',
        '      url: 42',
      ),
      ['c.yaml:6:12 notifiers[0].options.url: Invalid input: expected string, received number'],
    ],
    [
      'notifier option missing',
      lines('version: 1', 'notifiers:', '  - name: team', '    type: slack'),
      ['c.yaml:3:5 notifiers[0].webhookUrl: missing required field'],
    ],
    [
      'notifier option misspelt',
      lines(
        'version: 1',
        'notifiers:',
        '  - name: team',
        '    type: slack',
        '    webhookURL: https://x.test',
        '    event: ["*"]',
      ),
      [
        'c.yaml:3:5 notifiers[0].webhookUrl: missing required field',
        'c.yaml:5:5 notifiers[0].webhookURL: unknown key, did you mean `webhookUrl`?',
        'c.yaml:6:5 notifiers[0].event: unknown key, did you mean `events`?',
      ],
    ],
    [
      'notifier option given twice',
      lines(
        'version: 1',
        'notifiers:',
        '  - name: m',
        '    module: ./n.js',
        '    url: a',
        '    options: { url: b }',
      ),
      ['c.yaml:5:5 notifiers[0].url: also given under `options`'],
    ],
    [
      'export without a format',
      lines('version: 1', 'exports:', '  - profile: dev', '    path: .env.local'),
      ['c.yaml:3:5 exports[0].format: missing required field'],
    ],
    [
      'export format unknown',
      lines('version: 1', 'exports:', '  - { profile: dev, path: .env, format: yaml }'),
      ['c.yaml:3:41 exports[0].format: Invalid option: expected one of "dotenv"|"credentials"'],
    ],
    [
      'export key misspelt',
      lines('version: 1', 'exports:', '  - { profile: dev, path: c, format: credentials, sectoin: x }'),
      ['c.yaml:3:51 exports[0].sectoin: unknown key, did you mean `section`?'],
    ],
    [
      'export section for a dotenv file',
      lines('version: 1', 'exports:', '  - { profile: dev, path: .env, format: dotenv, section: dev }'),
      ['c.yaml:3:58 exports[0].section: only for `format: credentials`; a dotenv file has no sections'],
    ],
    [
      'export section with a bracket',
      lines('version: 1', 'exports:', '  - { profile: dev, path: c, format: credentials, section: "a]b" }'),
      ['c.yaml:3:60 exports[0].section: must not contain `[`, `]` or a line break'],
    ],
    [
      'export renewBefore of 0',
      lines('version: 1', 'exports:', '  - { profile: dev, path: .env, format: dotenv, renewBefore: 0 }'),
      ['c.yaml:3:62 exports[0].renewBefore: must be more than 0'],
    ],
    [
      'two profiles into one dotenv file',
      lines(
        'version: 1',
        'exports:',
        '  - { profile: dev, path: ~/app/.env, format: dotenv }',
        '  - { profile: prod, path: /home/u/app/.env, format: dotenv }',
      ),
      ['c.yaml:4:28 exports[1].path: also written by exports[0]'],
    ],
    [
      'one file in two formats',
      lines(
        'version: 1',
        'exports:',
        '  - { profile: dev, path: creds, format: credentials }',
        '  - { profile: prod, path: ./creds, format: dotenv }',
      ),
      ['c.yaml:4:45 exports[1].format: exports[0] writes this file as credentials'],
    ],
    [
      'one credentials section written twice',
      lines(
        'version: 1',
        'exports:',
        '  - { profile: dev, path: creds, format: credentials }',
        '  - { profile: prod, path: creds, format: credentials, section: dev }',
        '  - { profile: dev, path: creds, format: credentials }',
      ),
      [
        'c.yaml:4:65 exports[1].section: section [dev] is also written by exports[0]',
        'c.yaml:5:16 exports[2].profile: section [dev] is also written by exports[0]',
      ],
    ],
  ])('%s', (_kind, text, expected) => {
    expect(errorsOf(text)).toEqual(expected);
  });

  it('reports every shape error of a file at once, in file order', () => {
    const text = lines(
      'version: 1',
      'log: { level: loud }',
      'defaults:',
      '  timeout: soon',
      '  treshold: 1h',
    );
    expect(errorsOf(text)).toEqual([
      'c.yaml:2:15 log.level: Invalid option: expected one of "error"|"warn"|"info"|"debug"',
      'c.yaml:4:12 defaults.timeout: expected a duration such as 500ms, 90s, 20m, 1h, 1d or 1h30m, or a number of seconds',
      'c.yaml:5:3 defaults.treshold: unknown key, did you mean `threshold`?',
    ]);
  });

  it.each([
    ['notifier options', '  - { name: a, type: webhook, url: "${NOT_A_URL}", secret: "${SHORT_SECRET}" }', 2],
    ['durations', 'defaults: { timeout: "${SHORT_SECRET}", threshold: "${NOT_A_URL}" }', 2],
  ])('never puts an interpolated secret into a message about %s', (_what, line, count) => {
    const errors = errorsOf(lines('version: 1', line.startsWith(' ') ? 'notifiers:' : '', line));
    expect(errors).toHaveLength(count);
    expect(errors.join('\n')).not.toMatch(/tiny-secret|secret-not-a-url/);
  });
});
