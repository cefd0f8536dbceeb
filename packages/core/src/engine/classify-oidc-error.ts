import { ReauthRequiredError } from '../errors/reauth-required-error';
import { TransientError } from '../errors/transient-error';

/** docs/aws-facts.md: these mean the refresh token or registration is dead and a person must log in. */
const TERMINAL = new Set([
  'InvalidGrantException',
  'InvalidClientException',
  'ExpiredTokenException',
  'UnauthorizedClientException',
  'AccessDeniedException',
  'InvalidRequestException',
  'InvalidScopeException',
  'UnsupportedGrantTypeException',
]);

interface SdkErrorLike {
  name?: string;
  code?: string;
  message?: string;
  error_description?: string;
  $metadata?: { httpStatusCode?: number };
}

/** Turns what the SDK threw (after its own retries) into a terminal or retryable failure. */
export function classifyOidcError(
  error: unknown,
  loginCommand: string,
): ReauthRequiredError | TransientError {
  const e = (error ?? {}) as SdkErrorLike;
  const name = e.name ?? 'Error';
  const status = e.$metadata?.httpStatusCode;
  const detail = e.error_description ?? e.message ?? '';
  const terminal =
    TERMINAL.has(name) ||
    (status !== undefined && status >= 400 && status < 500 && ![408, 429].includes(status));
  if (terminal) {
    const what =
      name === 'InvalidClientException' ? 'client registration rejected' : 'refresh token rejected';
    return new ReauthRequiredError(`${what} (${name}): run ${loginCommand}`, loginCommand, { cause: error });
  }
  const where = status ? `HTTP ${status} ${name}` : (e.code ?? name);
  return new TransientError(`refresh failed (${where})${detail ? `: ${detail}` : ''}`, { cause: error });
}
