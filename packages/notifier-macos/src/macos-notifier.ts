import type { NotifierPlugin } from '@sso-supervisor/core';
import { createMacosNotifier } from './create-macos-notifier';
import { macosOptionsSchema, type MacosOptions } from './macos-options-schema';

/** The `type: macos` notifier plugin: Notification Center on macOS, notify-send on Linux. */
export const macosNotifier: NotifierPlugin<MacosOptions> = {
  type: 'macos',
  optionsSchema: macosOptionsSchema,
  create: (options, deps) => createMacosNotifier(options, deps),
};
