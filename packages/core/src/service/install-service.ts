import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { applySteps, type ServiceResult, type ServiceStep, type CommandRunner } from './apply-steps';
import { launchdPlist, systemdUnit } from './service-files';
import {
  envFileText,
  LAUNCHD_LABEL,
  SYSTEMD_UNIT_NAME,
  servicePaths,
  type ServiceSpec,
} from './service-spec';

export interface InstallServiceOptions extends ServiceSpec {
  platform: NodeJS.Platform;
  home: string;
  dryRun: boolean;
  run: CommandRunner;
  /** For launchctl's gui/<uid> domain; defaults to this process's. */
  uid?: number;
  /** With `envFile`: the variables to write to it. */
  envValues?: Record<string, string>;
}

/**
 * Installs the daemon as a user service and starts it: a systemd --user unit on Linux, a launchd agent on
 * macOS. Installing again replaces the file and restarts the service so the new one takes effect. Returns
 * what it did, or on a dry run what it would do, writing and running nothing.
 */
export async function installService(opts: InstallServiceOptions): Promise<ServiceResult> {
  const paths = servicePaths(opts.platform, opts.home);
  if (!paths)
    return {
      ok: false,
      lines: [`no user service support on ${opts.platform}; run \`sso-supervisor run\` yourself`],
    };
  const problem = pathProblem(opts);
  if (problem) return { ok: false, lines: [problem] };
  const reinstall = existsSync(paths.file);
  const envFile: ServiceStep[] = opts.envFile
    ? [
        {
          write: opts.envFile,
          content: envFileText(opts.envValues ?? {}),
          private: { shown: Object.keys(opts.envValues ?? {}).map((name) => `${name}=<from this shell>`) },
        },
      ]
    : [];
  const stateDir: ServiceStep = { mkdir: opts.stateDir, mode: 0o700 };
  if (paths.kind === 'systemd') {
    return applySteps(
      [
        stateDir,
        ...envFile,
        { write: paths.file, content: systemdUnit(opts) },
        { run: ['systemctl', '--user', 'daemon-reload'] },
        { run: ['systemctl', '--user', 'enable', '--now', SYSTEMD_UNIT_NAME] },
        ...(reinstall ? [{ run: ['systemctl', '--user', 'restart', SYSTEMD_UNIT_NAME] } as ServiceStep] : []),
      ],
      opts,
    );
  }
  const domain = `gui/${opts.uid ?? process.getuid?.() ?? 0}`;
  return applySteps(
    [
      stateDir,
      ...envFile,
      { write: paths.file, content: launchdPlist(opts) },
      // bootstrap refuses a label that is loaded already, from an earlier install or a removed file.
      { run: ['launchctl', 'bootout', `${domain}/${LAUNCHD_LABEL}`], mayFail: true },
      { run: ['launchctl', 'bootstrap', domain, paths.file] },
    ],
    opts,
  );
}

/** A service starts with another working directory and environment, so every path must stand on its own. */
function pathProblem(spec: ServiceSpec): string | null {
  const paths: [string, string | undefined][] = [
    ['node', spec.nodePath],
    ['CLI script', spec.cliPath],
    ['config file', spec.configFile],
    ['state dir', spec.stateDir],
    ['env file', spec.envFile],
  ];
  for (const [what, path] of paths) {
    if (path === undefined) continue;
    if (!isAbsolute(path)) return `the ${what} path must be absolute: ${path}`;
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x1f\x7f]/.test(path))
      return `the ${what} path holds a control character: ${JSON.stringify(path)}`;
  }
  return null;
}

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
