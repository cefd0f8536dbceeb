import type { Emulator } from './emulator';

const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** Counts a request by operation (and CreateToken by grant type) before any fault or validation. */
export function countCall(calls: Emulator['calls'], operation: string, body: Record<string, unknown>): void {
  if (operation === 'registerClient') calls.registerClient += 1;
  else if (operation === 'startDeviceAuthorization') calls.startDeviceAuthorization += 1;
  else if (operation === 'getRoleCredentials') calls.getRoleCredentials += 1;
  else if (operation === 'authorize') calls.authorize += 1;
  else if (operation === 'createToken' && body.grantType === 'authorization_code')
    calls.createToken.authorization_code += 1;
  else if (operation === 'createToken' && body.grantType === 'refresh_token') {
    calls.createToken.refresh_token += 1;
    const client = String(body.clientId);
    calls.refreshByClient[client] = (calls.refreshByClient[client] ?? 0) + 1;
  } else if (operation === 'createToken' && body.grantType === DEVICE_CODE_GRANT)
    calls.createToken.device_code += 1;
}
