import { existsSync } from 'node:fs';
import { applySteps, type ServiceResult } from './apply-steps';
import type { CommandRunner } from './run-command';
import { LAUNCHD_LABEL, SYSTEMD_UNIT_NAME, servicePaths } from './service-paths';

export interface UninstallServiceOptions {
  platform: NodeJS.Platform;
  home: string;
  dryRun: boolean;
  run: CommandRunner;
  uid?: number;
}

/**
 * Stops the user service and removes its file, reversing `installService`. Stopping may fail (the service
 * was never loaded, or the file was edited); the file goes regardless, since that is what the user asked.
 */
export async function uninstallService(opts: UninstallServiceOptions): Promise<ServiceResult> {
  const paths = servicePaths(opts.platform, opts.home);
  if (!paths) return { ok: false, lines: [`no user service support on ${opts.platform}`] };
  if (!existsSync(paths.file)) return { ok: true, lines: [`not installed: ${paths.file} does not exist`] };
  if (paths.kind === 'systemd') {
    return applySteps(
      [
        { run: ['systemctl', '--user', 'disable', '--now', SYSTEMD_UNIT_NAME], mayFail: true },
        { remove: paths.file },
        { run: ['systemctl', '--user', 'daemon-reload'] },
      ],
      opts,
    );
  }
  const domain = `gui/${opts.uid ?? process.getuid?.() ?? 0}`;
  return applySteps(
    [{ run: ['launchctl', 'bootout', `${domain}/${LAUNCHD_LABEL}`], mayFail: true }, { remove: paths.file }],
    opts,
  );
}
