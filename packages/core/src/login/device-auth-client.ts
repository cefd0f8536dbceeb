import { type CachedToken, formatTimestamp } from '../cache/cached-token';
import { createAwsClients, DEFAULT_RETRY, type RetrySettings } from '../engine/aws-clients';
import { SupervisorError, TransientError } from '../errors';

/** A client registration as the cache file keeps it. */
export interface Registration {
  clientId: string;
  clientSecret: string;
  registrationExpiresAt: string;
}

export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  verificationUriComplete: string;
  expiresIn: number;
  interval: number;
}

export interface DeviceToken {
  accessToken: string;
  expiresIn: number;
  refreshToken?: string;
}

/** The three SSO OIDC calls of a device-code login. Errors are the SDK's, named as AWS names them. */
export interface DeviceAuthClient {
  register(clientName: string, scopes: string[], signal?: AbortSignal): Promise<Registration>;
  start(registration: Registration, startUrl: string, signal?: AbortSignal): Promise<DeviceAuthorization>;
  createToken(registration: Registration, deviceCode: string, signal?: AbortSignal): Promise<DeviceToken>;
  destroy(): void;
}

const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/** RFC 8628: poll every 5 seconds when the server names no interval. */
const DEFAULT_INTERVAL = 5;

export function required<T>(value: T | undefined | null, operation: string, field: string): T {
  if (value === undefined || value === null || value === '')
    throw new TransientError(`${operation} answered without ${field}`);
  return value;
}

/** A CreateToken answer (any grant) as a token, or a transient error naming the field AWS left out. */
export function tokenFromAnswer(out: {
  accessToken?: string;
  expiresIn?: number;
  refreshToken?: string;
}): DeviceToken {
  const expiresIn = required(out.expiresIn, 'CreateToken', 'expiresIn');
  if (expiresIn <= 0) throw new TransientError('CreateToken answered with an expiresIn of 0 or less');
  return {
    accessToken: required(out.accessToken, 'CreateToken', 'accessToken'),
    expiresIn,
    ...(out.refreshToken && { refreshToken: out.refreshToken }),
  };
}

/**
 * SSO OIDC through the AWS SDK, which honours AWS_ENDPOINT_URL_SSO_OIDC and AWS_ENDPOINT_URL and retries
 * throttling and 5xx itself. The SDK is loaded here, on first use, so `status` never pays for it.
 */
export async function createDeviceAuthClient(
  region: string,
  retry: RetrySettings = DEFAULT_RETRY,
): Promise<DeviceAuthClient> {
  const clients = createAwsClients();
  const [sdk, oidc] = await Promise.all([import('@aws-sdk/client-sso-oidc'), clients.oidc(region, retry)]);
  return {
    async register(clientName, scopes, signal) {
      const out = await oidc.send(
        new sdk.RegisterClientCommand({ clientName, clientType: 'public', scopes }),
        {
          abortSignal: signal,
        },
      );
      const expiresAt = required(out.clientSecretExpiresAt, 'RegisterClient', 'clientSecretExpiresAt');
      return {
        clientId: required(out.clientId, 'RegisterClient', 'clientId'),
        clientSecret: required(out.clientSecret, 'RegisterClient', 'clientSecret'),
        registrationExpiresAt: formatTimestamp(new Date(expiresAt * 1000)),
      };
    },
    async start({ clientId, clientSecret }, startUrl, signal) {
      const out = await oidc.send(
        new sdk.StartDeviceAuthorizationCommand({ clientId, clientSecret, startUrl }),
        { abortSignal: signal },
      );
      const verificationUri = required(out.verificationUri, 'StartDeviceAuthorization', 'verificationUri');
      return {
        deviceCode: required(out.deviceCode, 'StartDeviceAuthorization', 'deviceCode'),
        userCode: required(out.userCode, 'StartDeviceAuthorization', 'userCode'),
        verificationUri,
        verificationUriComplete: out.verificationUriComplete || verificationUri,
        expiresIn: required(out.expiresIn, 'StartDeviceAuthorization', 'expiresIn'),
        interval: out.interval && out.interval > 0 ? out.interval : DEFAULT_INTERVAL,
      };
    },
    async createToken({ clientId, clientSecret }, deviceCode, signal) {
      const out = await oidc.send(
        new sdk.CreateTokenCommand({ clientId, clientSecret, grantType: DEVICE_CODE_GRANT, deviceCode }),
        { abortSignal: signal },
      );
      return tokenFromAnswer(out);
    },
    destroy: () => clients.destroy(),
  };
}

/**
 * The client registration kept in a session's cache file, when it can serve one more login: complete,
 * from the session's region (a registration belongs to one), and with more than `marginMs` left.
 */
export function reusableRegistration(
  token: CachedToken | undefined,
  region: string,
  now: Date,
  marginMs: number,
): Registration | undefined {
  if (!token?.clientId || !token.clientSecret || !token.registrationExpiresAt) return undefined;
  if (token.region !== undefined && token.region !== region) return undefined;
  if (Date.parse(token.registrationExpiresAt) - now.getTime() <= marginMs) return undefined;
  return {
    clientId: token.clientId,
    clientSecret: token.clientSecret,
    registrationExpiresAt: token.registrationExpiresAt,
  };
}

interface SdkErrorLike {
  name?: string;
  message?: string;
  error_description?: string;
  $metadata?: { httpStatusCode?: number };
}

/**
 * One line saying why a login step failed: AWS's error name, HTTP status and description. AWS's
 * descriptions carry no secrets; our own errors already say what they mean.
 */
export function describeLoginError(step: string, error: unknown): string {
  if (error instanceof SupervisorError) return `${step}: ${error.message}`;
  const e = (error ?? {}) as SdkErrorLike;
  const status = e.$metadata?.httpStatusCode;
  const detail = e.error_description ?? e.message ?? '';
  const name = `${e.name ?? 'Error'}${status ? `, HTTP ${status}` : ''}`;
  return `${step} failed (${name})${detail && detail !== e.name ? `: ${detail}` : ''}`;
}
