import { spawn as nodeSpawn } from 'node:child_process';

/** Opens a URL in a person's browser; resolves once the opener started, rejects if it could not. */
export type OpenBrowser = (url: string) => Promise<void>;

export interface BrowserCommand {
  command: string;
  args: string[];
}

/**
 * The opener for this machine: `$BROWSER` when set (its first `:`-separated entry, `%s` replaced by the
 * URL or the URL appended, as Python's webbrowser and xdg-utils read it), else `open` on macOS, the URL
 * handler on Windows, `xdg-open` elsewhere. The URL is always one argument, never passed through a shell.
 */
export function browserCommand(
  url: string,
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
): BrowserCommand {
  const browser = env.BROWSER?.split(':')
    .map((s) => s.trim())
    .find(Boolean);
  if (browser) {
    const [command, ...rest] = browser.split(/\s+/);
    const substituted = rest.some((arg) => arg.includes('%s'));
    const args = rest.map((arg) => arg.replaceAll('%s', url));
    return { command, args: substituted ? args : [...args, url] };
  }
  if (platform === 'darwin') return { command: 'open', args: [url] };
  if (platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
  return { command: 'xdg-open', args: [url] };
}

export interface OpenBrowserDeps {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  spawn?: typeof nodeSpawn;
}

/**
 * Starts the opener detached and does not wait for it: `xdg-open` may stay until the browser exits. A
 * missing opener rejects, so the caller can say "open this URL yourself" (it prints the URL anyway).
 */
export function createOpenBrowser(deps: OpenBrowserDeps = {}): OpenBrowser {
  const spawn = deps.spawn ?? nodeSpawn;
  return (url) =>
    new Promise<void>((resolve, reject) => {
      const { command, args } = browserCommand(
        url,
        deps.platform ?? process.platform,
        deps.env ?? process.env,
      );
      const child = spawn(command, args, { detached: true, stdio: 'ignore' });
      child.once('error', (error) =>
        reject(
          new Error(
            `cannot start ${command} to open the browser (${(error as NodeJS.ErrnoException).code ?? error.message})`,
          ),
        ),
      );
      child.once('spawn', () => {
        child.unref();
        resolve();
      });
    });
}

export const openBrowser: OpenBrowser = createOpenBrowser();
