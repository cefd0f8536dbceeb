import { join } from 'node:path';
import type { NotifierEntry } from '../config/supervisor-config';
import { RecordingLogger } from '@sso-supervisor/notifier-api/testing';
import { SecretRegistry } from '../logging/redaction';
import { requireImporter } from '../testing/module-loading';
import { createRoutedNotifiers } from './create-routed-notifiers';
import type { NotifierPlugin } from './notifier-contract';
import { webhookNotifier } from './webhook-notifier';

const exploding: NotifierPlugin = {
  type: 'exploding',
  optionsSchema: webhookNotifier.optionsSchema,
  create: () => {
    throw new Error('cannot read CA file');
  },
};
const deps = {
  logger: new RecordingLogger(),
  configFile: join(__dirname, 'supervisor.yaml'),
  importModule: requireImporter,
};

function entry(index: number, over: Partial<NotifierEntry>): NotifierEntry {
  return {
    name: `n${index}`,
    private: false,
    cooldown: 0,
    options: {},
    path: `notifiers[${index}]`,
    ...over,
  };
}

describe(createRoutedNotifiers.name, () => {
  it('creates built-in and custom notifiers with their entries', async () => {
    const entries = [
      entry(0, { type: 'webhook', options: { url: 'https://hooks.example.com/a' } }),
      entry(1, { module: './fixtures/example-notifier.cjs', options: { url: 'https://chat.example.com/b' } }),
    ];
    const { routed, errors } = await createRoutedNotifiers(entries, [webhookNotifier], deps);
    expect(errors).toEqual([]);
    expect(routed.map((r) => [r.notifier.name, r.entry])).toEqual([
      ['n0', entries[0]],
      ['n1', entries[1]],
    ]);
  });

  it('reports every problem with its config path and keeps the notifiers that work', async () => {
    const entries = [
      entry(0, { type: 'webhook', options: { url: 'ftp://nope' } }),
      entry(1, { type: 'pager' }),
      entry(2, { module: './fixtures/missing.cjs' }),
      entry(3, { module: './fixtures/example-notifier.cjs', options: {} }),
      entry(4, { type: 'exploding', options: { url: 'https://hooks.example.com' } }),
      entry(5, { type: 'webhook', options: { url: 'https://hooks.example.com' } }),
    ];
    const { routed, errors } = await createRoutedNotifiers(entries, [webhookNotifier, exploding], deps);
    expect(routed.map((r) => r.entry.name)).toEqual(['n5']);
    expect(errors).toEqual([
      'notifiers[0].url: must be an http or https URL',
      'notifiers[1].type: unknown notifier type "pager" (known types: webhook, exploding)',
      expect.stringMatching(
        /^notifiers\[2\]\.module: notifier module "\.\/fixtures\/missing\.cjs" could not be found from /,
      ),
      expect.stringMatching(/^notifiers\[3\]\.options\.url: /),
      'notifiers[4]: notifier "n4" could not be created: cannot read CA file',
    ]);
  });
});

describe('a plugin whose create() gives no notifier', () => {
  it('is reported, not started', async () => {
    const hollow = {
      ...exploding,
      type: 'hollow',
      create: () => ({ send: 'no' }),
    } as unknown as NotifierPlugin;
    const { routed, errors } = await createRoutedNotifiers(
      [entry(0, { type: 'hollow', options: { url: 'https://hooks.example.com/a' } })],
      [hollow],
      deps,
    );
    expect(routed).toEqual([]);
    expect(errors).toEqual([
      'notifiers[0]: notifier "n0" could not be created: create() returned an object with send, not a notifier { name, send(event) }',
    ]);
  });

  it('registers option URLs as secrets and blanks them, and URL passwords, in what create() throws', async () => {
    const hook = 'https://hooks.example.com/T000/B000/secret-path-XYZ';
    const leaky: NotifierPlugin = {
      type: 'leaky',
      optionsSchema: webhookNotifier.optionsSchema,
      create: () => {
        throw new Error(`cannot post to ${hook} via http://proxy-user:proxy-pass-77@proxy.example:3128`);
      },
    };
    const secrets = new SecretRegistry();
    const { errors } = await createRoutedNotifiers(
      [entry(0, { type: 'leaky', options: { url: hook } })],
      [leaky],
      {
        ...deps,
        secrets,
      },
    );
    expect(errors).toEqual([
      'notifiers[0]: notifier "n0" could not be created: cannot post to [redacted] via http://proxy-user:[redacted]@proxy.example:3128',
    ]);
    expect(secrets.redact(`echoed ${hook}`)).toBe('echoed [redacted]');
  });
});
