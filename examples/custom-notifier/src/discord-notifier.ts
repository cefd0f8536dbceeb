import type { NotifierPlugin } from '@sso-supervisor/core';
import { createDiscordNotifier } from './create-discord-notifier';
import { discordOptionsSchema, type DiscordOptions } from './discord-options-schema';

/**
 * The plugin sso-supervisor loads from `module:`: a type name, the schema of its options (checked
 * before `create` is called, so errors point at `notifiers[N].options.webhookUrl`), and the factory.
 */
export const discordNotifier: NotifierPlugin<DiscordOptions> = {
  type: 'discord',
  optionsSchema: discordOptionsSchema,
  create: (options, deps) => createDiscordNotifier(options, deps),
};
