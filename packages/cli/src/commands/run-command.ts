import {
  clearConfigRefusal,
  Daemon,
  refusalDir,
  holdForRefreshes,
  waitForStop,
  writeConfigRefusal,
} from '@sso-supervisor/core/daemon';
import { formatIssue, type ConfigIssue } from '@sso-supervisor/core/setup';
import { BUILTIN_PLUGINS, notifierSchemas } from '../builtin-plugins';
import { EXIT, type CliIo } from '../cli-io';
import { shutdownIo } from '../interrupts';
import { loadSetupIssues } from '../with-setup';

/** The daemon as the CLI runs it: its built-in notifiers, the process's streams, the config from the flags. */
export function startDaemon(
  io: CliIo,
  flags: { config?: string },
  console: CliIo['stderr'] = io.stderr,
  seen: { errors?: ConfigIssue[] } = {},
): Promise<Daemon | number> {
  return Daemon.start({
    loadSetup: async () => {
      const loaded = await loadSetupIssues(io, flags, { notifierSchemas: notifierSchemas(BUILTIN_PLUGINS) });
      if ('setup' in loaded) return loaded;
      seen.errors = loaded.errors;
      return { errors: loaded.errors.map(formatIssue) };
    },
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
  const seen: { errors?: ConfigIssue[] } = {};
  const daemon = await startDaemon(io, flags, io.stderr, seen);
  // Not the configured state dir: a config that cannot be read cannot say where that is.
  const refusals = refusalDir(io);
  if (typeof daemon === 'number') {
    failed.abort();
    if (daemon === EXIT.usage && seen.errors) await recordRefusal(io, refusals, seen.errors);
    return daemon;
  }
  running.daemon = daemon;
  await clearConfigRefusal(refusals).catch(() => {});
  await stopped;
  const unhold = holdForRefreshes(shutdownIo(io));
  try {
    await daemon.stop();
  } finally {
    unhold();
  }
  return 0;
}

/** For `status` and `doctor`: the service manager will not restart on exit 2, so a person must be told. */
async function recordRefusal(io: CliIo, stateDir: string, errors: ConfigIssue[]): Promise<void> {
  try {
    await writeConfigRefusal(stateDir, {
      at: new Date().toISOString(),
      configFile: errors.find((e) => e.file)?.file ?? null,
      errors: errors.map(formatIssue),
      pid: process.pid,
    });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    io.stderr.write(
      `warning: cannot record the refusal in ${stateDir} (${reason}); status will not show it\n`,
    );
  }
}
