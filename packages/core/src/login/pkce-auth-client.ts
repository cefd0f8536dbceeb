import { formatTimestamp } from '../cache/cached-token';
import { createAwsClients, DEFAULT_RETRY, type RetrySettings } from '../engine/aws-clients';
import { required, tokenFromAnswer, type DeviceToken } from './device-auth-client';
import { PKCE_GRANT_TYPES, REGISTERED_REDIRECT_URI, type PkceRegistration } from './pkce-registration';

export interface CodeExchange {
  code: string;
  /** The port-specific URI the authorize request named; AWS checks they are the same. */
  redirectUri: string;
  codeVerifier: string;
}

/** The SSO OIDC side of an authorization-code login. Errors are the SDK's, named as AWS names them. */
export interface PkceAuthClient {
  register(
    clientName: string,
    scopes: string[],
    issuerUrl: string,
    signal?: AbortSignal,
  ): Promise<PkceRegistration>;
  /** The SSO OIDC base URL the SDK resolves (`https://oidc.{region}.amazonaws.com`, or an override). */
  endpoint(): Promise<string>;
  exchange(
    registration: PkceRegistration,
    exchange: CodeExchange,
    signal?: AbortSignal,
  ): Promise<DeviceToken>;
  destroy(): void;
}

class EndpointResolved {
  constructor(readonly url: string) {}
}

/**
 * SSO OIDC through the AWS SDK (loaded on first use), which honours AWS_ENDPOINT_URL_SSO_OIDC and retries
 * throttling and 5xx itself. Authorize is not an SDK operation, so its host is found as botocore finds it:
 * a RegisterClient is built, its resolved URL read at the build step, and the request never sent.
 */
export async function createPkceAuthClient(
  region: string,
  retry: RetrySettings = DEFAULT_RETRY,
): Promise<PkceAuthClient> {
  const clients = createAwsClients();
  const [sdk, oidc] = await Promise.all([import('@aws-sdk/client-sso-oidc'), clients.oidc(region, retry)]);
  return {
    async register(clientName, scopes, issuerUrl, signal) {
      const grantTypes = [...PKCE_GRANT_TYPES];
      const out = await oidc.send(
        new sdk.RegisterClientCommand({
          clientName,
          clientType: 'public',
          grantTypes,
          redirectUris: [REGISTERED_REDIRECT_URI],
          issuerUrl,
          scopes,
        }),
        { abortSignal: signal },
      );
      const expiresAt = required(out.clientSecretExpiresAt, 'RegisterClient', 'clientSecretExpiresAt');
      return {
        clientId: required(out.clientId, 'RegisterClient', 'clientId'),
        clientSecret: required(out.clientSecret, 'RegisterClient', 'clientSecret'),
        expiresAt: formatTimestamp(new Date(expiresAt * 1000)),
        scopes,
        grantTypes,
      };
    },
    async endpoint() {
      const probe = new sdk.RegisterClientCommand({ clientName: 'endpoint-probe', clientType: 'public' });
      probe.middlewareStack.add(
        () => async (args) => {
          const request = args.request as { protocol: string; hostname: string; port?: number; path: string };
          const port = request.port ? `:${request.port}` : '';
          const base = request.path.replace(/\/client\/register$/, '').replace(/\/+$/, '');
          throw new EndpointResolved(`${request.protocol}//${request.hostname}${port}${base}`);
        },
        { step: 'build', name: 'ssoSupervisorEndpointProbe' },
      );
      try {
        await oidc.send(probe);
      } catch (error) {
        if (error instanceof EndpointResolved) return error.url;
        throw error;
      }
      throw new Error('the endpoint probe was sent; it should never be');
    },
    async exchange({ clientId, clientSecret }, { code, redirectUri, codeVerifier }, signal) {
      const out = await oidc.send(
        new sdk.CreateTokenCommand({
          clientId,
          clientSecret,
          grantType: 'authorization_code',
          code,
          redirectUri,
          codeVerifier,
        }),
        { abortSignal: signal },
      );
      return tokenFromAnswer(out);
    },
    destroy: () => clients.destroy(),
  };
}
