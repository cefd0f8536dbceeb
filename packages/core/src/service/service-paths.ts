import { join } from 'node:path';

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
