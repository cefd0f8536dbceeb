import type { SsoSession } from '../aws-config/discover-sessions';

export type LoginFlow = 'browser' | 'device-code';

export interface LoginFlowChoice {
  flow: LoginFlow;
  /** Why the device code is used, for the person to read; absent for the browser. */
  reason?: string;
}

/**
 * The browser (authorization code with PKCE, the AWS CLI's default since 2.22) unless it cannot work here:
 * the person asked for the device code; a legacy profile, which the AWS CLI too logs in with the device
 * code (it has no registration to keep); a shell over SSH, where the browser would open on the wrong
 * machine and its redirect could not reach our 127.0.0.1; or a Linux box with no display to open one on.
 */
export function chooseLoginFlow(
  session: SsoSession,
  options: { deviceCode?: boolean; env: Record<string, string | undefined>; platform: NodeJS.Platform },
): LoginFlowChoice {
  const { env, platform } = options;
  if (options.deviceCode) return { flow: 'device-code', reason: '--device-code' };
  if (session.name === null)
    return {
      flow: 'device-code',
      reason: 'a legacy profile logs in with the device code, as in the AWS CLI',
    };
  if (env.SSH_CONNECTION || env.SSH_TTY)
    return {
      flow: 'device-code',
      reason: 'this shell is over SSH; the browser would open on another machine',
    };
  const desktop = platform === 'darwin' || platform === 'win32';
  if (!desktop && !env.DISPLAY && !env.WAYLAND_DISPLAY)
    return { flow: 'device-code', reason: 'no display (DISPLAY and WAYLAND_DISPLAY are unset)' };
  return { flow: 'browser' };
}
