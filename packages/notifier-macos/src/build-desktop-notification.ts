import { summarizeEvent, type SupervisorEvent } from '@sso-supervisor/notifier-api';
import type { MacosOptions } from './macos-notifier';

/** The options node-notifier takes, for terminal-notifier (macOS) or notify-send (elsewhere). */
export type DesktopNotification = Record<string, string | number | boolean>;

const URGENCY = { info: 'low', warning: 'normal', error: 'critical' } as const;

/** Notification servers may read the body as markup (freedesktop notification spec, "Markup"). */
const escapeMarkup = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function body(event: SupervisorEvent): string {
  const { command, login } = summarizeEvent(event);
  // One line: node-notifier turns newlines into a literal "\n" on its way through the shell.
  const fix = login
    ? login.code
      ? `Approve at ${login.uri} with code ${login.code}`
      : `Log in at ${login.uri}`
    : command && `Run: ${command}`;
  return fix ? `${event.message}. ${fix}` : event.message;
}

/**
 * The desktop notification for an event. On macOS a login notification opens its link when clicked
 * (`open`); on Linux the click is a notification action (linux-login-action.ts) where the server has
 * actions, and the link is in the text either way; errors and logins stay on screen until dismissed.
 */
export function buildDesktopNotification(
  event: SupervisorEvent,
  options: MacosOptions,
  platform: NodeJS.Platform = process.platform,
): DesktopNotification {
  const { title, login } = summarizeEvent(event);
  if (platform === 'darwin') {
    return {
      title,
      subtitle: options.appName,
      message: body(event),
      sound: options.sound && event.severity !== 'info',
      ...(login && { open: login.uri }),
      // terminal-notifier keeps `open` and acts on the click after it exits; waiting (`wait`, or the
      // default 10 s timeout) would hold the send until a click and trip the dispatcher's timeout.
      wait: false,
      timeout: false,
    };
  }
  const sticky = event.severity === 'error' || login !== undefined;
  return {
    title,
    message: escapeMarkup(body(event)),
    urgency: URGENCY[event.severity],
    'app-name': options.appName,
    // Seconds; 0 means until dismissed.
    timeout: sticky ? 0 : 10,
  };
}
