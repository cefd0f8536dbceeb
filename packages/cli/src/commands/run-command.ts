import type { CliIo } from '../cli-io';
import { Daemon } from '../daemon/daemon';
import { waitForStop } from '../daemon/wait-for-stop';

/**
 * `run`: the daemon in the foreground until SIGINT/SIGTERM (exit 0) or `durationMs`. SIGHUP reloads.
 * Service managers (systemd, launchd, pm2) run exactly this.
 */
export async function runCommand(
  io: CliIo,
  flags: { config?: string },
  opts: { durationMs?: number } = {},
): Promise<number> {
  const daemon = await Daemon.start({ io, flags });
  if (typeof daemon === 'number') return daemon;
  await waitForStop({ durationMs: opts.durationMs, onHangup: () => void daemon.reload('SIGHUP') });
  await daemon.stop();
  return 0;
}
