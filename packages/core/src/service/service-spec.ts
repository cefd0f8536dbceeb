import { join } from 'node:path';

/** What a service file starts: the daemon, run by an absolute node with the absolute CLI script. */
export interface ServiceSpec {
  nodePath: string;
  cliPath: string;
  /** Absolute; passed as `--config` so the service reads the same file as the shell that installed it. */
  configFile?: string;
  stateDir: string;
  /** More variables for the service's environment (AWS_CONFIG_FILE, say), beyond the state dir. */
  environment?: Record<string, string>;
  /**
   * Absolute path of a 0600 file of `NAME="value"` lines (the `${NAME}`s supervisor.yaml uses), read by
   * systemd (EnvironmentFile=) or, under launchd, by a /bin/sh wrapper, so no secret sits in the unit or
   * the plist, which are world-readable.
   */
  envFile?: string;
}

/** The daemon's argv, and its environment: the state dir is pinned so `status` and `logs` find the same one. */
export function serviceCommand(spec: ServiceSpec): { argv: string[]; env: Record<string, string> } {
  const argv = [
    spec.nodePath,
    spec.cliPath,
    'run',
    ...(spec.configFile ? ['--config', spec.configFile] : []),
  ];
  return { argv, env: { ...spec.environment, SSO_SUPERVISOR_STATE_DIR: spec.stateDir } };
}

/**
 * launchd has no EnvironmentFile: a shell exports the env file's variables, then becomes the daemon
 * (`exec`, so launchd still watches the daemon's own exit code). The path travels as `$0`, unquoted
 * nowhere.
 */
export function envFileWrapper(envFile: string, argv: string[]): string[] {
  return ['/bin/sh', '-c', 'set -a && . "$0" && set +a && exec "$@"', envFile, ...argv];
}

/**
 * The env file's text: one `NAME="value"` line each, quoted so that systemd's EnvironmentFile= and a
 * POSIX shell read the same value (both take `\\`, `\"`, `\$` and `` \` `` inside double quotes).
 */
export function envFileText(values: Record<string, string>): string {
  const lines = Object.entries(values).map(
    ([name, value]) => `${name}="${value.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`,
  );
  return `# Written by \`sso-supervisor install --environment-file\`; read by the service only.\n${lines.join('\n')}\n`;
}

export const SYSTEMD_UNIT_NAME = 'sso-supervisor.service';
export const LAUNCHD_LABEL = 'dev.sso-supervisor';

export type ServiceKind = 'systemd' | 'launchd';

export interface ServicePaths {
  kind: ServiceKind;
  /** The unit or plist file. */
  file: string;
}

/** Where the user service file goes: a launchd agent on macOS, a systemd --user unit on Linux; null elsewhere. */
export function servicePaths(platform: NodeJS.Platform, home: string): ServicePaths | null {
  if (platform === 'darwin') {
    return { kind: 'launchd', file: join(home, 'Library', 'LaunchAgents', `${LAUNCHD_LABEL}.plist`) };
  }
  if (platform === 'linux') {
    return { kind: 'systemd', file: join(home, '.config', 'systemd', 'user', SYSTEMD_UNIT_NAME) };
  }
  return null;
}
