import { RecordingLogger } from '@sso-supervisor/notifier-api/testing';
import { discordNotifier, discordOptionsSchema } from './discord-notifier';
import * as entry from './index';

describe('discordNotifier', () => {
  it('is the default export and the named export `plugin`, as the supervisor looks for it', () => {
    expect(entry.default).toBe(discordNotifier);
    expect(entry.plugin).toBe(discordNotifier);
    expect(discordNotifier.type).toBe('discord');
  });

  it('creates a notifier under the entry name from options its schema accepted', () => {
    const options = discordNotifier.optionsSchema.parse({
      webhookUrl: 'https://discord.com/api/webhooks/1/abc',
    });
    const notifier = discordNotifier.create(options, { name: 'discord-prod', logger: new RecordingLogger() });
    expect(notifier.name).toBe('discord-prod');
    expect(typeof notifier.send).toBe('function');
  });
});

const HOOK = 'https://discord.com/api/webhooks/112233445566778899/abc-DEF_123';

describe('discordOptionsSchema', () => {
  it.each([
    HOOK,
    'https://discord.com/api/v10/webhooks/112233445566778899/abc-DEF_123',
    'https://canary.discord.com/api/webhooks/1/abc/',
    'http://127.0.0.1:8080/api/webhooks/1/abc',
  ])('takes %s', (webhookUrl) => {
    expect(discordOptionsSchema.safeParse({ webhookUrl }).success).toBe(true);
  });

  it.each([
    'https://hooks.slack.com/services/T000/B000/XXXX',
    'https://discord.com/api/webhooks/not-a-number/abc',
    'https://discord.com/channels/1/2',
    'discord.com/api/webhooks/1/abc',
  ])('refuses %s, saying what a webhook URL looks like', (webhookUrl) => {
    const result = discordOptionsSchema.safeParse({ webhookUrl });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['webhookUrl'],
        message: 'must be a Discord webhook URL (https://discord.com/api/webhooks/ID/TOKEN)',
      }),
    ]);
  });

  it('trims the URL, and checks the thread, name and avatar', () => {
    expect(discordOptionsSchema.parse({ webhookUrl: ` ${HOOK}\n` })).toEqual({ webhookUrl: HOOK });
    const result = discordOptionsSchema.safeParse({
      webhookUrl: HOOK,
      threadId: 'general',
      username: '',
      avatarUrl: 'key.png',
    });
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'avatarUrl',
      'threadId',
      'username',
    ]);
  });

  it('refuses keys it does not know, so a typo is not silently ignored', () => {
    const result = discordOptionsSchema.safeParse({ webhookUrl: HOOK, userName: 'sso' });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', keys: ['userName'] }),
    ]);
  });
});
