import { CreateTokenCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { Emulator } from './emulator';
import { handleCreateToken } from './handle-create-token';
import { startEmulator } from './start-emulator';
import { createOidcClient } from './test-support/create-oidc-client';
import { registerAndStartDevice } from './test-support/register-and-start-device';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

describe(handleCreateToken.name, () => {
  let emulator: Emulator;
  let client: SSOOIDCClient;
  beforeEach(async () => {
    emulator = await startEmulator({ deviceInterval: 1 });
    client = createOidcClient(emulator.url);
  });
  afterEach(() => emulator.close());

  const poll = ({
    clientId,
    clientSecret,
    deviceCode,
  }: {
    clientId: string;
    clientSecret: string;
    deviceCode: string;
  }) => client.send(new CreateTokenCommand({ clientId, clientSecret, deviceCode, grantType: DEVICE_GRANT }));
  const refresh = (
    { clientId, clientSecret }: { clientId: string; clientSecret: string },
    refreshToken?: string,
  ) =>
    client.send(new CreateTokenCommand({ clientId, clientSecret, grantType: 'refresh_token', refreshToken }));

  describe('device code grant', () => {
    it('is pending, then slows a fast poller down, then issues tokens once approved', async () => {
      const login = await registerAndStartDevice(client, ['sso:account:access']);
      expect(login.device).toMatchObject({ expiresIn: 600, interval: 1 });
      expect(login.device.verificationUriComplete).toBe(
        `${emulator.url}/device?user_code=${login.device.userCode}`,
      );
      await expect(poll(login)).rejects.toMatchObject({ name: 'AuthorizationPendingException' });
      await expect(poll(login)).rejects.toMatchObject({ name: 'SlowDownException', error: 'slow_down' });
      expect(emulator.pendingDeviceAuthorizations()).toEqual([
        { userCode: login.device.userCode, startUrl: login.startUrl },
      ]);
      emulator.approveDevice(login.device.userCode as string);
      const token = await poll(login);
      expect(token).toMatchObject({ tokenType: 'Bearer', expiresIn: 3600 });
      expect(token.accessToken).toMatch(/^aoa_/);
      expect(token.refreshToken).toMatch(/^aor_/);
      expect(emulator.issuedSecrets()).toEqual(
        expect.arrayContaining([token.accessToken, token.refreshToken, login.deviceCode, login.clientSecret]),
      );
      expect(emulator.pendingDeviceAuthorizations()).toEqual([]);
      await expect(poll(login)).rejects.toMatchObject({ name: 'InvalidGrantException' });
      expect(emulator.calls.createToken).toEqual({ device_code: 4, refresh_token: 0, authorization_code: 0 });
    });

    it('answers AccessDeniedException once the person denies the login', async () => {
      const login = await registerAndStartDevice(client);
      emulator.denyDevice(login.device.userCode as string);
      await expect(poll(login)).rejects.toMatchObject({
        name: 'AccessDeniedException',
        error: 'access_denied',
      });
    });

    it('answers ExpiredTokenException for an expired device code', async () => {
      await emulator.close();
      emulator = await startEmulator({ deviceCodeTtlSeconds: 0.05 });
      client = createOidcClient(emulator.url);
      const login = await registerAndStartDevice(client);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await expect(poll(login)).rejects.toMatchObject({ name: 'ExpiredTokenException' });
      expect(emulator.pendingDeviceAuthorizations()).toEqual([]);
    });

    it('gives a refresh token only to clients registered for sso:account:access or without scopes', async () => {
      for (const [scopes, expected] of [
        [undefined, true],
        [['sso:account:access'], true],
        [['codewhisperer:completions'], false],
      ] as const) {
        const login = await registerAndStartDevice(client, scopes && [...scopes]);
        emulator.approveDevice(login.device.userCode as string);
        expect((await poll(login)).refreshToken !== undefined).toBe(expected);
      }
    });
  });

  describe('refresh token grant', () => {
    it('rotates: the new refresh token works and the old one is InvalidGrantException', async () => {
      const seeded = emulator.seedLogin({ startUrl: 'https://x.awsapps.com/start', region: 'us-east-1' });
      const first = await refresh(seeded, seeded.refreshToken);
      expect(first.accessToken).not.toBe(seeded.accessToken);
      expect(first.refreshToken).toMatch(/^aor_/);
      expect(first.refreshToken).not.toBe(seeded.refreshToken);
      await expect(refresh(seeded, seeded.refreshToken)).rejects.toMatchObject({
        name: 'InvalidGrantException',
        error: 'invalid_grant',
        $metadata: { httpStatusCode: 400 },
      });
      await expect(refresh(seeded, first.refreshToken)).resolves.toMatchObject({ tokenType: 'Bearer' });
      expect(emulator.calls.createToken.refresh_token).toBe(3);
      expect(emulator.calls.invalidGrant).toBe(1);
    });

    it('returns the same refresh token when rotation is off', async () => {
      await emulator.close();
      emulator = await startEmulator({ rotateRefreshTokens: false });
      client = createOidcClient(emulator.url);
      const seeded = emulator.seedLogin({ startUrl: 'https://x.awsapps.com/start', region: 'us-east-1' });
      expect((await refresh(seeded, seeded.refreshToken)).refreshToken).toBe(seeded.refreshToken);
      expect((await refresh(seeded, seeded.refreshToken)).refreshToken).toBe(seeded.refreshToken);
    });

    it('rejects revoked refresh tokens and ones issued to another client', async () => {
      const a = emulator.seedLogin({ startUrl: 'https://a.awsapps.com/start', region: 'us-east-1' });
      const b = emulator.seedLogin({ startUrl: 'https://b.awsapps.com/start', region: 'us-east-1' });
      const c = emulator.seedLogin({ startUrl: 'https://c.awsapps.com/start', region: 'us-east-1' });
      await expect(refresh(a, b.refreshToken)).rejects.toMatchObject({ name: 'InvalidGrantException' });
      emulator.revokeRefreshToken(a.refreshToken as string);
      await expect(refresh(a, a.refreshToken)).rejects.toMatchObject({ name: 'InvalidGrantException' });
      await expect(refresh(b, b.refreshToken)).resolves.toBeDefined();
      emulator.revokeAllRefreshTokens();
      await expect(refresh(c, c.refreshToken)).rejects.toMatchObject({ name: 'InvalidGrantException' });
    });

    it('answers InvalidClientException (401) for an expired registration or a wrong secret', async () => {
      const seeded = emulator.seedLogin({ startUrl: 'https://x.awsapps.com/start', region: 'us-east-1' });
      const wrongSecret = { clientId: seeded.clientId, clientSecret: 'ecs_wrong' };
      await expect(refresh(wrongSecret, seeded.refreshToken)).rejects.toMatchObject({
        name: 'InvalidClientException',
        $metadata: { httpStatusCode: 401 },
      });
      emulator.expireRegistration(seeded.clientId);
      await expect(refresh(seeded, seeded.refreshToken)).rejects.toMatchObject({
        name: 'InvalidClientException',
      });
    });

    it('issues access tokens with the lifetime set at the time', async () => {
      const seeded = emulator.seedLogin({ startUrl: 'https://x.awsapps.com/start', region: 'us-east-1' });
      emulator.setAccessTokenTtl(120);
      expect((await refresh(seeded, seeded.refreshToken)).expiresIn).toBe(120);
    });
  });

  it('refuses grant types it does not emulate', async () => {
    const seeded = emulator.seedLogin({ startUrl: 'https://x.awsapps.com/start', region: 'us-east-1' });
    await expect(
      client.send(
        new CreateTokenCommand({
          clientId: seeded.clientId,
          clientSecret: seeded.clientSecret,
          grantType: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        }),
      ),
    ).rejects.toMatchObject({ name: 'UnsupportedGrantTypeException' });
  });
});
