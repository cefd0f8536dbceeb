import { spawn as nodeSpawn, type ChildProcess } from 'node:child_process';
import type { DesktopNotification } from './build-desktop-notification';

export interface LoginActionDeps {
  spawn?: typeof nodeSpawn;
  env?: NodeJS.ProcessEnv;
  /** Opens the link when the person clicks the notification (the daemon's browser opener). */
  open: (url: string) => Promise<void>;
  onOpenError?: (error: Error) => void;
}

/** notify-send's action name for a click on the notification itself (freedesktop "default" action). */
const DEFAULT_ACTION = 'default';

/**
 * A Linux notification that opens a login link when clicked: notify-send (libnotify ≥ 0.8) with a
 * "default" action and `--wait`, which prints the notification's id once shown and the action's name
 * once clicked. `stdbuf -oL` makes it print each line at once (a pipe would hold both until it exits).
 * Resolves once the id is printed (shown), rejects when notify-send ends without showing anything (no
 * server, an older notify-send without `--action`); the caller then sends it the plain way. The child
 * waits for the click in the background; `close` ends the ones still waiting.
 */
export function createLoginActionSender(deps: LoginActionDeps) {
  const spawn = deps.spawn ?? nodeSpawn;
  const waiting = new Set<ChildProcess>();

  function send(notification: DesktopNotification, link: string): Promise<void> {
    const args = [
      '-oL',
      'notify-send',
      '--print-id',
      '--wait',
      `--action=${DEFAULT_ACTION}=Log in`,
      `--app-name=${String(notification['app-name'])}`,
      `--urgency=${String(notification.urgency)}`,
      '--expire-time=0',
      '--',
      String(notification.title),
      String(notification.message),
    ];
    return new Promise<void>((resolve, reject) => {
      const child = spawn('stdbuf', args, {
        env: deps.env ?? process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      waiting.add(child);
      let shown = false;
      let stderr = '';
      let buffered = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
      child.stdout?.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines.map((l) => l.trim()).filter(Boolean)) {
          if (!shown && /^\d+$/.test(line)) {
            shown = true;
            resolve();
          } else if (line === DEFAULT_ACTION) {
            deps.open(link).catch((error: Error) => deps.onOpenError?.(error));
          }
        }
      });
      child.once('error', (error) => {
        waiting.delete(child);
        reject(error);
      });
      child.once('close', (code) => {
        waiting.delete(child);
        if (!shown) reject(new Error(`notify-send ended (exit ${code}) without showing: ${stderr.trim()}`));
      });
    });
  }

  function close(): void {
    for (const child of waiting) child.kill();
    waiting.clear();
  }

  return { send, close };
}

/**
 * Opens a link in the person's browser as `login` does: `$BROWSER` (its first `:`-separated entry, `%s`
 * replaced by the URL or the URL appended), else `xdg-open`. The URL is one argument, never through a shell.
 */
export function openLink(url: string, env: NodeJS.ProcessEnv, spawn = nodeSpawn): Promise<void> {
  const browser = env.BROWSER?.split(':')
    .map((s) => s.trim())
    .find(Boolean);
  const [command, ...rest] = browser ? browser.split(/\s+/) : ['xdg-open'];
  const args = rest.some((a) => a.includes('%s')) ? rest.map((a) => a.replaceAll('%s', url)) : [...rest, url];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, detached: true, stdio: 'ignore' });
    child.once('error', (error) => reject(new Error(`cannot start ${command} (${error.message})`)));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
