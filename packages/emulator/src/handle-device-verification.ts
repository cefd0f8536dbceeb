import { ApiError } from './api-error';
import type { EmulatorContext } from './emulator-context';
import type { HandlerRequest } from './handler-request';

/**
 * GET /device?user_code=X (the verification page a person would open): approves the login, or denies it
 * with `&action=deny`, so a standalone emulator can finish a device login from a browser or curl.
 */
export function handleDeviceVerification(
  ctx: EmulatorContext,
  { query }: HandlerRequest,
): Record<string, unknown> {
  const userCode = query.get('user_code') ?? '';
  const status = query.get('action') === 'deny' ? 'denied' : 'approved';
  try {
    ctx.devices.decide(userCode, status, ctx.now());
  } catch {
    throw ApiError.oidc('InvalidRequestException', 'Unknown or expired user code', 404);
  }
  return { userCode, status };
}
