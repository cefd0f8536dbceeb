export {
  macosNotifier,
  macosOptionsSchema,
  createMacosNotifier,
  type MacosOptions,
  type MacosDeps,
  type DesktopNotifierClient,
} from './macos-notifier';
export { buildDesktopNotification, type DesktopNotification } from './build-desktop-notification';
