import { Daemon, holdForRefreshes, waitForStop } from '@sso-supervisor/core/daemon';
import { BUILTIN_PLUGINS, notifierSchemas } from '../builtin-plugins';
import type { CliIo } from '../cli-io';
import { shutdownIo } from '../interrupts';
import { loadCommandSetup } from '../with-setup';

/** The daemon as the CLI runs it: its built-in notifiers, the process's streams, the config from the flags. */
export function startDaemon(
  io: CliIo,
  flags: { config?: string },
  console: CliIo['stderr'] = io.stderr,
): Promise<Daemon | number> {
  return Daemon.start({
    loadSetup: () => loadCommandSetup(io, flags, { notifierSchemas: notifierSchemas(BUILTIN_PLUGINS) }),
    plugins: BUILTIN_PLUGINS,
    stderr: io.stderr,
    console,
    env: io.env,
  });
}

/**
 * `run`: the daemon in the foreground until SIGINT/SIGTERM (exit 0) or `durationMs`. SIGHUP reloads.
 * Service managers (systemd, launchd, pm2) run exactly this. A refresh on the wire at the stop is waited
 * for (and said so); a second signal abandons it (exit 130/143), leaving no temp file.
 */
export async function runCommand(
  io: CliIo,
  flags: { config?: string },
  opts: { durationMs?: number } = {},
): Promise<number> {
  const daemon = await startDaemon(io, flags);
  if (typeof daemon === 'number') return daemon;
  await waitForStop({ durationMs: opts.durationMs, onHangup: () => void daemon.reload('SIGHUP') });
  const unhold = holdForRefreshes(shutdownIo(io));
  try {
    await daemon.stop();
  } finally {
    unhold();
  }
  return 0;
}
