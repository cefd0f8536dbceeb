import { discordNotifier } from './discord-notifier';

// sso-supervisor looks for the plugin as the default export or as `plugin`; both are here so that
// `import plugin from`, `require(...).plugin` and the loader all find it.
export default discordNotifier;
export { discordNotifier, discordNotifier as plugin };
export {
  discordOptionsSchema,
  createDiscordNotifier,
  discordFailure,
  type DiscordOptions,
  type DiscordDeps,
} from './discord-notifier';
export {
  buildDiscordMessage,
  type DiscordMessage,
  type DiscordEmbed,
  type DiscordEmbedField,
} from './build-discord-message';
