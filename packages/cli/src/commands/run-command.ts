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
  // Listen before starting: the first refresh may be on the wire before the start has finished, and a
  // Ctrl-C then must wait for its answer like any other, not kill the process with Node's default.
  const running: { daemon?: Daemon } = {};
  const failed = new AbortController();
  const stopped = waitForStop({
    durationMs: opts.durationMs,
    onHangup: () => void running.daemon?.reload('SIGHUP'),
    signal: failed.signal,
  });
  const daemon = await startDaemon(io, flags);
  if (typeof daemon === 'number') {
    failed.abort();
    return daemon;
  }
  running.daemon = daemon;
  await stopped;
  const unhold = holdForRefreshes(shutdownIo(io));
  try {
    await daemon.stop();
  } finally {
    unhold();
  }
  return 0;
}
