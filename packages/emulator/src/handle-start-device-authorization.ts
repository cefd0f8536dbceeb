import { ApiError } from './api-error';
import type { EmulatorContext } from './emulator-context';
import type { HandlerRequest } from './handler-request';

/** POST /device_authorization (StartDeviceAuthorization). */
export function handleStartDeviceAuthorization(
  ctx: EmulatorContext,
  { body }: HandlerRequest,
): Record<string, unknown> {
  const now = ctx.now();
  const client = ctx.clients.authenticate(body.clientId, body.clientSecret, now);
  if (!client) throw ApiError.oidc('InvalidClientException', 'Invalid client provided', 401);
  if (typeof body.startUrl !== 'string' || body.startUrl === '') {
    throw ApiError.oidc('InvalidRequestException', 'startUrl is required');
  }
  const { deviceCodeTtlSeconds, deviceInterval } = ctx.settings;
  const authorization = ctx.devices.start(
    client.clientId,
    body.startUrl,
    deviceCodeTtlSeconds,
    deviceInterval,
    now,
  );
  const verificationUri = `${ctx.url}/device`;
  return {
    deviceCode: authorization.deviceCode,
    userCode: authorization.userCode,
    verificationUri,
    verificationUriComplete: `${verificationUri}?user_code=${authorization.userCode}`,
    expiresIn: deviceCodeTtlSeconds,
    interval: deviceInterval,
  };
}
