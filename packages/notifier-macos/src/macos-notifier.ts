import type NodeNotifier from 'node-notifier';
import {
  type Notifier,
  type NotifierDeps,
  NotifierError,
  type NotifierPlugin,
  summarizeEvent,
} from '@sso-supervisor/notifier-api';
import { z } from 'zod';
import { buildDesktopNotification, type DesktopNotification } from './build-desktop-notification';
import { desktopUnavailable } from './desktop-availability';
import { createLoginActionSender, openLink } from './linux-login-action';

/** Options of the `macos` desktop notifier (Notification Center on macOS, notify-send on Linux). */
export const macosOptionsSchema = z
  .object({
    /** Play a sound for warnings and errors (macOS). */
    sound: z.boolean().default(true),
    /** The application name notification daemons show and match rules on (Linux). */
    appName: z.string().min(1).default('sso-supervisor'),
  })
  .strict();

export type MacosOptions = z.output<typeof macosOptionsSchema>;

/** The part of node-notifier the notifier uses; tests hand in their own. */
export interface DesktopNotifierClient {
  notify(notification: DesktopNotification, callback: (error: Error | string | null) => void): unknown;
}

export interface MacosDeps extends NotifierDeps {
  client?: DesktopNotifierClient;
  platform?: NodeJS.Platform;
  /** The environment to look for a desktop session in; default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

function desktopFailure(error: Error & { code?: unknown }): NotifierError {
  const lines = error.message
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  // node-notifier runs notify-send through a shell, and the first line of its error repeats the whole
  // command, login code included; what follows is the tool's stderr.
  const detail = lines[0]?.startsWith('Command failed:') ? lines.slice(1).pop() : lines[0];
  const exit = typeof error.code === 'number' ? ` (exit ${error.code})` : '';
  return new NotifierError(`desktop notification failed${exit}${detail ? `: ${detail}` : ''}`, {
    retryable: true,
  });
}

/**
 * The default client: node-notifier, required here, not at the top, so that it loads only when a
 * desktop notifier is configured.
 */
function defaultClient(): DesktopNotifierClient {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, see above
  const nodeNotifier = require('node-notifier') as typeof NodeNotifier;
  return nodeNotifier as unknown as DesktopNotifierClient;
}

/**
 * Shows each event as a desktop notification through node-notifier. Where no notification server can
 * be reached (checked once, here) it says so once and fails every event at once, without retries.
 */
export function createMacosNotifier(options: MacosOptions, deps: MacosDeps): Notifier {
  const unavailable = deps.client
    ? undefined
    : desktopUnavailable(deps.platform ?? process.platform, deps.env ?? process.env);
  if (unavailable) {
    deps.logger.warn('no desktop notification server; this notifier will not show anything', {
      notifier: deps.name,
      reason: unavailable,
    });
    const error = `no desktop notification server: ${unavailable}`;
    return {
      name: deps.name,
      send: () => Promise.reject(new NotifierError(error, { retryable: false })),
    };
  }
  const client: DesktopNotifierClient = deps.client ?? defaultClient();
  const platform = deps.platform ?? process.platform;
  const env = deps.env ?? process.env;
  // On Linux a login link opens on a click where the server has actions; node-notifier cannot ask for one.
  const action =
    deps.client || platform === 'darwin' || platform === 'win32'
      ? undefined
      : createLoginActionSender({
          env,
          open: (url) => openLink(url, env),
          onOpenError: (error) =>
            deps.logger.warn('could not open the login link', { notifier: deps.name, error: error.message }),
        });
  const plain = (notification: DesktopNotification) =>
    new Promise<void>((resolve, reject) => {
      // node-notifier reports success with a null or stderr-string first argument; only an Error fails.
      // Not `instanceof`: child_process errors may come from another realm (jest's sandbox).
      client.notify(notification, (error) =>
        typeof error === 'object' && error !== null ? reject(desktopFailure(error)) : resolve(),
      );
    });
  return {
    name: deps.name,
    send(event) {
      const notification = buildDesktopNotification(event, options, platform);
      const link = summarizeEvent(event).login?.uri;
      if (!action || !link) return plain(notification);
      // The body holds the link too: a server without actions (or an old notify-send) still shows it.
      return action.send(notification, link).catch((error: Error) => {
        deps.logger.debug('notification without a click action', {
          notifier: deps.name,
          reason: error.message,
        });
        return plain(notification);
      });
    },
    close: async () => action?.close(),
  };
}

/** The `type: macos` notifier plugin: Notification Center on macOS, notify-send on Linux. */
export const macosNotifier: NotifierPlugin<MacosOptions> = {
  type: 'macos',
  optionsSchema: macosOptionsSchema,
  create: (options, deps) => createMacosNotifier(options, deps),
};
