import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Whether an executable of that name is on the PATH, as a shell would find it. */
export function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .some((dir) => {
      try {
        accessSync(join(dir, command), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

/** Whether a D-Bus session bus can be reached: named, at systemd's default place, or auto-launched on X. */
function sessionBus(env: NodeJS.ProcessEnv): boolean {
  if (env.DBUS_SESSION_BUS_ADDRESS || env.DISPLAY || env.WAYLAND_DISPLAY) return true;
  if (!env.XDG_RUNTIME_DIR) return false;
  try {
    accessSync(join(env.XDG_RUNTIME_DIR, 'bus'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Why no desktop notification can be shown here, or undefined when one can. Only Linux and the other
 * freedesktop platforms are checked (notify-send over the D-Bus session bus): macOS always has
 * Notification Center. On a headless server (an SSH login, a systemd service without a desktop) every
 * notify-send fails, so the notifier says so once instead of failing every event three times.
 */
export function desktopUnavailable(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  hasCommand: (command: string) => boolean = (command) => onPath(command, env),
): string | undefined {
  if (platform === 'darwin' || platform === 'win32') return undefined;
  if (!hasCommand('notify-send')) return 'notify-send is not installed (package libnotify-bin)';
  if (!sessionBus(env))
    return 'no desktop session (neither DBUS_SESSION_BUS_ADDRESS, DISPLAY nor WAYLAND_DISPLAY is set)';
  return undefined;
}
