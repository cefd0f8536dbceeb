import { findStatusPage, type Setup } from '@sso-supervisor/core/setup';
import { EXIT, type CliIo } from '../cli-io';

/** Why there is no page to show, in words a person acts on. */
function noPage(ws: Setup, problem: 'no-daemon' | 'no-server', pid?: number): string {
  if (problem === 'no-daemon')
    return `no daemon runs for the state folder ${ws.paths.stateDir}; start one with \`sso-supervisor run\``;
  const where = ws.config.file ? ` in ${ws.config.file}` : '';
  return ws.config.server.enabled
    ? `the daemon (pid ${pid}) has no loopback server running; its log says why (\`sso-supervisor logs\`)`
    : `the daemon (pid ${pid}) runs without its loopback server: \`server.enabled\` is false${where}`;
}

/**
 * `status --web` prints the running daemon's status page URL; `open` prints it and opens it in the
 * browser (`$BROWSER`, `open`, `xdg-open`). Exit 1 when no daemon serves one.
 */
export async function openCommand(ws: Setup, io: CliIo, opts: { open: boolean }): Promise<number> {
  const found = await findStatusPage(ws.paths.stateDir);
  if ('problem' in found) {
    io.stderr.write(`error: ${noPage(ws, found.problem, 'pid' in found ? found.pid : undefined)}\n`);
    return EXIT.failed;
  }
  io.stdout.write(`${found.url}\n`);
  if (!opts.open) return EXIT.ok;
  const { createOpenBrowser } = await import('@sso-supervisor/core');
  try {
    await createOpenBrowser({ env: io.env, platform: io.platform })(found.url);
  } catch (error) {
    io.stderr.write(`error: ${(error as Error).message}; open the URL above yourself\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}
