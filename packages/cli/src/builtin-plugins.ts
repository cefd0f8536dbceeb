import type { NotifierPlugin } from '@sso-supervisor/core';
import { webhookNotifier } from '@sso-supervisor/core/daemon';
import { emailNotifier } from '@sso-supervisor/notifier-email';
import { macosNotifier } from '@sso-supervisor/notifier-macos';
import { slackNotifier } from '@sso-supervisor/notifier-slack';

/** The notifier types supervisor.yaml knows by `type:`. Custom ones come by `module:`. */
export const BUILTIN_PLUGINS: readonly NotifierPlugin[] = [
  webhookNotifier as NotifierPlugin,
  slackNotifier as NotifierPlugin,
  emailNotifier as NotifierPlugin,
  macosNotifier as NotifierPlugin,
];

export function notifierSchemas(
  plugins: readonly NotifierPlugin[] = BUILTIN_PLUGINS,
): Record<string, NotifierPlugin['optionsSchema']> {
  return Object.fromEntries(plugins.map((p) => [p.type, p.optionsSchema]));
}
