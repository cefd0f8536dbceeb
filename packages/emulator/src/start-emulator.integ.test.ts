import { GetRoleCredentialsCommand, SSOClient } from '@aws-sdk/client-sso';
import { CreateTokenCommand, SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { startEmulator } from './start-emulator';
import { saveEnv } from './testing/save-env';
import { createOidcClient } from './test-support/create-oidc-client';
import { registerAndStartDevice } from './test-support/register-and-start-device';

const START = { startUrl: 'https://x.awsapps.com/start', region: 'eu-west-1' };

describe(startEmulator.name, () => {
  it('listens on 127.0.0.1 and is reachable through the endpoint variables the SDK honours', async () => {
    const restoreEnv = saveEnv();
    const emulator = await startEmulator();
    try {
      expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      Object.assign(process.env, emulator.env());
      const { accessToken } = emulator.seedLogin(START);
      const sso = new SSOClient({ region: 'eu-west-1', maxAttempts: 1 });
      const out = await sso.send(
        new GetRoleCredentialsCommand({ accessToken, accountId: '1', roleName: 'r' }),
      );
      expect(out.roleCredentials?.accessKeyId).toMatch(/^ASIA/);
    } finally {
      restoreEnv();
      await emulator.close();
    }
  });

  it('seeds a login in cache-file key order and remembers its secrets', async () => {
    const emulator = await startEmulator();
    const before = Date.now();
    const seeded = emulator.seedLogin({ ...START, accessTokenTtlSeconds: 60, registrationTtlSeconds: 7200 });
    expect(Object.keys(seeded)).toEqual([
      'startUrl',
      'region',
      'accessToken',
      'expiresAt',
      'clientId',
      'clientSecret',
      'registrationExpiresAt',
      'refreshToken',
    ]);
    expect(seeded.expiresAt.getTime() - before).toBeGreaterThanOrEqual(60_000);
    expect(seeded.expiresAt.getTime() - before).toBeLessThan(61_000);
    expect(seeded.registrationExpiresAt.getTime() - before).toBeGreaterThanOrEqual(7_200_000);
    expect(emulator.issuedSecrets()).toEqual([seeded.clientSecret, seeded.accessToken, seeded.refreshToken]);
    expect(emulator.seedLogin({ ...START, withRefreshToken: false }).refreshToken).toBeUndefined();
    await emulator.close();
  });

  it('approves a device login through the verification link, as a person in a browser would', async () => {
    const emulator = await startEmulator();
    const client = createOidcClient(emulator.url);
    const login = await registerAndStartDevice(client);
    const page = await fetch(login.device.verificationUriComplete as string);
    expect(page.status).toBe(200);
    const { clientId, clientSecret, deviceCode } = login;
    const grantType = 'urn:ietf:params:oauth:grant-type:device_code';
    const token = await client.send(
      new CreateTokenCommand({ clientId, clientSecret, deviceCode, grantType }),
    );
    expect(token.accessToken).toMatch(/^aoa_/);
    expect((await fetch(`${emulator.url}/device?user_code=NOPE-NOPE`)).status).toBe(404);
    await emulator.close();
  });

  it('counts calls until reset', async () => {
    const emulator = await startEmulator();
    const client = createOidcClient(emulator.url);
    await registerAndStartDevice(client);
    expect(emulator.calls).toMatchObject({ registerClient: 1, startDeviceAuthorization: 1 });
    emulator.resetCalls();
    expect(emulator.calls).toEqual({
      registerClient: 0,
      startDeviceAuthorization: 0,
      authorize: 0,
      createToken: { refresh_token: 0, device_code: 0, authorization_code: 0 },
      refreshByClient: {},
      getRoleCredentials: 0,
      invalidGrant: 0,
    });
    await emulator.close();
  });

  it('closes promptly with keep-alive sockets open and a request held', async () => {
    const emulator = await startEmulator();
    const client = new SSOOIDCClient({ region: 'us-east-1', endpoint: emulator.url, maxAttempts: 1 });
    const seeded = emulator.seedLogin(START);
    emulator.injectFault('createToken', { kind: 'timeout', delayMs: 60_000 });
    const { clientId, clientSecret, refreshToken } = seeded;
    const held = client.send(
      new CreateTokenCommand({ clientId, clientSecret, grantType: 'refresh_token', refreshToken }),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await emulator.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(held).rejects.toThrow();
  });

  it('keeps its state flat through 10,000 rotating refreshes', async () => {
    const emulator = await startEmulator({ secretHistoryLimit: 1000 });
    const client = createOidcClient(emulator.url);
    const { clientId, clientSecret, ...seeded } = emulator.seedLogin(START);
    let refreshToken = seeded.refreshToken;
    for (let i = 0; i < 10_000; i += 1) {
      const out = await client.send(
        new CreateTokenCommand({ clientId, clientSecret, grantType: 'refresh_token', refreshToken }),
      );
      refreshToken = out.refreshToken;
    }
    expect(emulator.stateSize()).toEqual({
      clients: 1,
      accessTokens: 8,
      refreshTokens: 1,
      deviceAuthorizations: 0,
      authorizationCodes: 0,
    });
    expect(emulator.issuedSecrets()).toHaveLength(1000);
    expect(emulator.issuedSecrets().at(-1)).toBe(refreshToken);
    await emulator.close();
  }, 120_000);
});
