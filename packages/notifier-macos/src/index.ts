export { macosNotifier } from './macos-notifier';
export { macosOptionsSchema, type MacosOptions } from './macos-options-schema';
export { createMacosNotifier, type MacosDeps, type DesktopNotifierClient } from './create-macos-notifier';
export { buildDesktopNotification, type DesktopNotification } from './build-desktop-notification';
