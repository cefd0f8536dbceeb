import { createHash, randomBytes } from 'node:crypto';
import { RegisterClientCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';

export const START_URL = 'https://example.awsapps.com/start';

/** RegisterClient as the AWS CLI 2.22+ sends it for the authorization-code grant. */
export async function registerAuthCodeClient(client: SSOOIDCClient, scopes = ['sso:account:access']) {
  const out = await client.send(
    new RegisterClientCommand({
      clientName: 'botocore-client-corp',
      clientType: 'public',
      grantTypes: ['authorization_code', 'refresh_token'],
      redirectUris: ['http://127.0.0.1/oauth/callback'],
      issuerUrl: START_URL,
      scopes,
    }),
  );
  return { clientId: out.clientId as string, clientSecret: out.clientSecret as string };
}

/** A verifier and its challenge, the challenge with botocore's trailing '=' trimmed. */
export function pkcePair() {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/**
 * The authorize URL as botocore's SSOTokenFetcherAuth builds it: percent-encoded query with space-separated
 * scopes, code_challenge appended last.
 */
export function authorizeUrl(
  base: string,
  clientId: string,
  redirectUri: string,
  state: string,
  challenge: string,
) {
  const q = (s: string) => encodeURIComponent(s);
  return (
    `${base}/authorize?response_type=code&client_id=${q(clientId)}&redirect_uri=${q(redirectUri)}` +
    `&state=${q(state)}&code_challenge_method=S256&scopes=${q('sso:account:access')}&code_challenge=${challenge}`
  );
}

/** What a browser does with the authorize URL: GET it, and read where it is sent next. */
export async function visit(
  url: string,
): Promise<{ status: number; params: URLSearchParams; location: string }> {
  const res = await fetch(url, { redirect: 'manual' });
  const location = res.headers.get('location') ?? '';
  await res.arrayBuffer();
  return {
    status: res.status,
    location,
    params: location ? new URL(location).searchParams : new URLSearchParams(),
  };
}
