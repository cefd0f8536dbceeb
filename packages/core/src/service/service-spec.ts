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
