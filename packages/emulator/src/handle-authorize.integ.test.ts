import { CreateTokenCommand, RegisterClientCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { Emulator } from './emulator';
import { handleAuthorize } from './handle-authorize';
import { startEmulator } from './start-emulator';
import { createOidcClient } from './test-support/create-oidc-client';
import {
  authorizeUrl,
  pkcePair,
  registerAuthCodeClient,
  visit,
} from './test-support/register-auth-code-client';

const REDIRECT = 'http://127.0.0.1:43117/oauth/callback';

/** The authorization-code grant with PKCE, driven by the real SDK client plus a browser-like HTTP client. */
describe(handleAuthorize.name, () => {
  let emulator: Emulator;
  let oidc: SSOOIDCClient;
  beforeEach(async () => {
    emulator = await startEmulator();
    oidc = createOidcClient(emulator.url);
  });
  afterEach(() => emulator.close());

  const authorize = async (clientId: string, challenge: string, redirect = REDIRECT) =>
    visit(authorizeUrl(emulator.url, clientId, redirect, 'state-1', challenge));

  const exchange = (
    client: { clientId: string; clientSecret: string },
    code: string,
    codeVerifier: string,
    redirectUri = REDIRECT,
  ) =>
    oidc.send(
      new CreateTokenCommand({ ...client, grantType: 'authorization_code', code, redirectUri, codeVerifier }),
    );

  it('redirects with a code and the state, which CreateToken exchanges for tokens once', async () => {
    const client = await registerAuthCodeClient(oidc);
    const { verifier, challenge } = pkcePair();
    const answer = await authorize(client.clientId, challenge);
    expect(answer.status).toBe(302);
    expect(answer.location.startsWith(`${REDIRECT}?`)).toBe(true);
    expect([...answer.params.keys()].sort()).toEqual(['code', 'state']);
    expect(answer.params.get('state')).toBe('state-1');
    const token = await exchange(client, answer.params.get('code')!, verifier);
    expect(token).toMatchObject({ tokenType: 'Bearer', expiresIn: 3600 });
    expect(token.accessToken).toMatch(/^aoa_/);
    expect(token.refreshToken).toMatch(/^aor_/);
    await expect(exchange(client, answer.params.get('code')!, verifier)).rejects.toMatchObject({
      name: 'InvalidGrantException',
    });
    const refreshed = await oidc.send(
      new CreateTokenCommand({ ...client, grantType: 'refresh_token', refreshToken: token.refreshToken }),
    );
    expect(refreshed.accessToken).toMatch(/^aoa_/);
    expect(emulator.calls).toMatchObject({
      authorize: 1,
      createToken: { authorization_code: 2, refresh_token: 1 },
    });
  });

  it.each<[string, { verifier?: string; redirect?: string; code?: string }]>([
    ['a wrong verifier', { verifier: 'x'.repeat(64) }],
    ['another redirect URI', { redirect: 'http://127.0.0.1:9/oauth/callback' }],
    ['an unknown code', { code: 'eac_nope' }],
  ])('answers InvalidGrantException for %s, and the code is then spent', async (_, wrong) => {
    const client = await registerAuthCodeClient(oidc);
    const { verifier, challenge } = pkcePair();
    const code = (await authorize(client.clientId, challenge)).params.get('code')!;
    await expect(
      exchange(client, wrong.code ?? code, wrong.verifier ?? verifier, wrong.redirect ?? REDIRECT),
    ).rejects.toMatchObject({ name: 'InvalidGrantException', $metadata: { httpStatusCode: 400 } });
    if (!wrong.code)
      await expect(exchange(client, code, verifier)).rejects.toMatchObject({ name: 'InvalidGrantException' });
  });

  it('takes a padded challenge as botocore sends it only trimmed', async () => {
    const client = await registerAuthCodeClient(oidc);
    const { verifier, challenge } = pkcePair();
    const code = (await authorize(client.clientId, `${challenge}=`)).params.get('code')!;
    await expect(exchange(client, code, verifier)).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('sends error=access_denied and the state back when the person denies', async () => {
    emulator.setAuthorizeAnswer('deny');
    const client = await registerAuthCodeClient(oidc);
    const answer = await authorize(client.clientId, pkcePair().challenge);
    expect(answer.status).toBe(302);
    expect(answer.params.get('error')).toBe('access_denied');
    expect(answer.params.get('state')).toBe('state-1');
    expect(answer.params.has('code')).toBe(false);
  });

  it('answers 400 itself, without redirecting, for an unknown client or an unregistered redirect URI', async () => {
    const client = await registerAuthCodeClient(oidc);
    const { challenge } = pkcePair();
    expect((await authorize('ecid_nope', challenge)).status).toBe(400);
    expect((await authorize(client.clientId, challenge, 'http://evil.example/oauth/callback')).status).toBe(
      400,
    );
    expect((await authorize(client.clientId, challenge, 'http://127.0.0.1:5/other')).status).toBe(400);
  });

  it('redirects with an error for a device-code client and for a missing S256 challenge', async () => {
    const device = await oidc.send(
      new RegisterClientCommand({
        clientName: 'x',
        clientType: 'public',
        redirectUris: ['http://127.0.0.1/oauth/callback'],
      }),
    );
    const unauthorized = await authorize(device.clientId!, pkcePair().challenge);
    expect(unauthorized.params.get('error')).toBe('unauthorized_client');
    const client = await registerAuthCodeClient(oidc);
    const noChallenge = await authorize(client.clientId, '');
    expect(noChallenge.params.get('error')).toBe('invalid_request');
  });

  it('refuses an authorization-code registration without redirect URIs', async () => {
    await expect(
      oidc.send(
        new RegisterClientCommand({
          clientName: 'x',
          clientType: 'public',
          grantTypes: ['authorization_code'],
          issuerUrl: 'https://example.awsapps.com/start',
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidRedirectUriException' });
  });
});
