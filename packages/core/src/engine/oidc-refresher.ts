import { IncompleteRefreshError, ReauthRequiredError, TransientError } from '../errors';
import { createAwsClients, DEFAULT_RETRY, type AwsClients, type RetrySettings } from './aws-clients';

export interface RefreshGrant {
  region: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  loginCommand: string;
}

export interface RefreshedToken {
  accessToken: string;
  expiresIn: number;
  refreshToken?: string;
}

/** The seam between the engine and SSO OIDC; tests and benchmarks may pass another. */
export interface TokenRefresher {
  refresh(grant: RefreshGrant, signal?: AbortSignal, retry?: RetrySettings): Promise<RefreshedToken>;
  destroy(): void;
}

/**
 * CreateToken (grant refresh_token) through the AWS SDK, which does the bounded, jittered retries and
 * per-attempt timeouts. The SDK is loaded on first use only (aws-clients.ts), so `status` never pays for it.
 */
export function createOidcRefresher(
  defaults: RetrySettings = DEFAULT_RETRY,
  clients: AwsClients = createAwsClients(),
): TokenRefresher {
  return {
    async refresh(grant, signal, retry = defaults) {
      const { CreateTokenCommand } = await import('@aws-sdk/client-sso-oidc');
      const oidc = await clients.oidc(grant.region, retry);
      let response;
      try {
        response = await oidc.send(
          new CreateTokenCommand({
            clientId: grant.clientId,
            clientSecret: grant.clientSecret,
            grantType: 'refresh_token',
            refreshToken: grant.refreshToken,
          }),
          { abortSignal: signal },
        );
      } catch (error) {
        throw classifyOidcError(error, grant.loginCommand);
      }
      if (!response.accessToken || typeof response.expiresIn !== 'number' || response.expiresIn <= 0) {
        const message = 'refresh failed: the response had no accessToken or expiresIn';
        throw response.refreshToken
          ? new IncompleteRefreshError(message, response.refreshToken)
          : new TransientError(message);
      }
      return {
        accessToken: response.accessToken,
        expiresIn: response.expiresIn,
        refreshToken: response.refreshToken,
      };
    },
    destroy: () => clients.destroy(),
  };
}

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

/**
 * Wraps a refresher so every secret that passes through it (refresh token, client secret, new tokens)
 * is handed to `record`, which feeds the logger's redaction by value.
 */
export function secretRecordingRefresher(
  inner: TokenRefresher,
  record: (secret: string | undefined) => void,
): TokenRefresher {
  return {
    async refresh(grant, signal, retry) {
      record(grant.refreshToken);
      record(grant.clientSecret);
      const fresh = await inner.refresh(grant, signal, retry).catch((error: unknown) => {
        if (error instanceof IncompleteRefreshError) record(error.refreshToken);
        throw error;
      });
      record(fresh.accessToken);
      record(fresh.refreshToken);
      return fresh;
    },
    destroy: () => inner.destroy(),
  };
}
