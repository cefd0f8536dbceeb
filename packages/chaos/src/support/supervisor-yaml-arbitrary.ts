import fc from 'fast-check';
import { toBlockYaml } from './to-block-yaml';

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
const anything = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
);
/** Mostly plausible values, sometimes anything at all. */
const orAnything = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: anything });

const duration = fc.oneof(
  fc.constantFrom(
    '90s',
    '20m',
    '1h',
    '1h30m',
    '500ms',
    '0',
    '0s',
    '-5s',
    '1.5m',
    'forever',
    '',
    '20 m',
    '1e3',
  ),
  fc.integer({ min: -10, max: 100_000 }),
);
const cron = fc.constantFrom(
  '* * * * *',
  '*/5 * * * * *',
  '0 0 31 2 *',
  '* * * *',
  '60 * * * *',
  '@daily',
  '',
);
const name = fc.oneof(
  fc.constantFrom('dev', 'prod', 'legacy', '__proto__', 'constructor', '', ' dev'),
  fc.string(),
);
const event = fc.oneof(
  fc.constantFrom('*', 'token.refreshed', 'token.refresh_failed', 'token.refreshd', 'session.*'),
  fc.string(),
);
// Paths stay inside the test's world: relative ones land in its folder, `~` is its HOME.
const path = fc.constantFrom(
  '~/.aws/config',
  '~/.aws/sso/cache',
  'state',
  './x/y',
  '~',
  '',
  '${HOME}/a',
  '${CHAOS_UNSET}/b',
);
const url = fc.constantFrom(
  'http://127.0.0.1:9/hook',
  'not a url',
  'ftp://127.0.0.1/x',
  'http:x',
  '${HOOK_URL}',
);

const settings = {
  schedule: maybe(orAnything(cron)),
  threshold: maybe(orAnything(duration)),
  timeout: maybe(orAnything(duration)),
  retry: maybe(
    orAnything(
      fc.record(
        { attempts: orAnything(fc.integer({ min: -1, max: 10 })), baseDelay: duration, maxDelay: duration },
        { requiredKeys: [] },
      ),
    ),
  ),
};

const notifier = fc.record(
  {
    name,
    type: orAnything(fc.constantFrom('webhook', 'slack', 'email', 'macos', 'teams', '')),
    module: fc.constantFrom('./no-such-notifier.js', '@chaos/no-such-notifier'),
    url,
    webhookUrl: url,
    secret: fc.constantFrom('${HOOK_SECRET}', 'literal-secret', ''),
    to: fc.constantFrom('a@example.com', 'not an address'),
    events: orAnything(fc.array(event, { maxLength: 3 })),
    sessions: orAnything(fc.array(name, { maxLength: 2 })),
    private: anything,
    cooldown: orAnything(duration),
    options: anything,
  },
  { requiredKeys: ['name'] },
);

const document = fc.record(
  {
    version: orAnything(fc.constant(1)),
    aws: orAnything(fc.record({ configFile: path, cacheDir: path }, { requiredKeys: [] })),
    stateDir: path,
    sessions: orAnything(
      fc.array(fc.record({ name, profile: name, ...settings }, { requiredKeys: [] }), { maxLength: 3 }),
    ),
    defaults: orAnything(fc.record(settings, { requiredKeys: [] })),
    reauth: orAnything(
      fc.record({ mode: fc.constantFrom('notify', 'device-code', 'auto'), backoff: duration }),
    ),
    notifiers: orAnything(fc.array(notifier, { maxLength: 3 })),
    log: orAnything(
      fc.record(
        {
          level: fc.constantFrom('debug', 'info', 'verbose'),
          file: path,
          maxSize: fc.constantFrom('10m', 'x', 0),
        },
        { requiredKeys: [] },
      ),
    ),
    unknownKey: anything,
  },
  { requiredKeys: [] },
);

/** Things a YAML parser meets in the wild: tabs, anchors, aliases, tags, documents, duplicates. */
const oddities = fc.constantFrom(
  'version: 1\n\tdefaults: {}',
  'a: &a [*a, *a, *a]\nb: *a\nversion: 1',
  'version: !!binary aGVsbG8=',
  'version: 1\nversion: 1',
  'version: 1\n---\nversion: 1',
  'version: 1\nsessions: [',
  '- 1\n- 2',
  '"just a string"',
  '\ufeffversion: 1',
  'version: 1\r\ndefaults:\r\n  threshold: 20m\r\n',
  '',
);

function splice(text: string, at: number, insert: string, cut: number): string {
  const i = at % (text.length + 1);
  return text.slice(0, i) + insert + text.slice(i + cut);
}

/** supervisor.yaml texts: generated documents in block or flow style, damaged ones, odd YAML and noise. */
export const supervisorYamlArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: document.map((d) => toBlockYaml(d)) },
  { weight: 1, arbitrary: document.map((d) => JSON.stringify(d)) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        document.map((d) => toBlockYaml(d)),
        fc.nat(),
        fc.string({ maxLength: 4 }),
        fc.nat({ max: 8 }),
      )
      .map(([t, at, insert, cut]) => splice(t, at, insert, cut)),
  },
  { weight: 1, arbitrary: oddities },
  { weight: 1, arbitrary: fc.string() },
);
