import { RecordingLogger } from '@sso-supervisor/core/testing';
import { discordNotifier } from './discord-notifier';
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
