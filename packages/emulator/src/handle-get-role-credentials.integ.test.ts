import { GetRoleCredentialsCommand, type SSOClient } from '@aws-sdk/client-sso';
import type { Emulator } from './emulator';
import { handleGetRoleCredentials } from './handle-get-role-credentials';
import { startEmulator } from './start-emulator';
import { createSsoClient } from './test-support/create-sso-client';

describe(handleGetRoleCredentials.name, () => {
  let emulator: Emulator;
  let sso: SSOClient;
  beforeAll(async () => {
    emulator = await startEmulator({ roleCredentialTtlSeconds: 900 });
    sso = createSsoClient(emulator.url);
  });
  afterAll(() => emulator.close());

  const getCredentials = (accessToken: string, accountId = '123456789012', roleName = 'Dev') =>
    sso.send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName }));

  it('issues role credentials for a live access token', async () => {
    const { accessToken } = emulator.seedLogin({
      startUrl: 'https://x.awsapps.com/start',
      region: 'us-east-1',
    });
    const before = Date.now();
    const { roleCredentials } = await getCredentials(accessToken);
    expect(roleCredentials?.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(roleCredentials?.secretAccessKey).toMatch(/^ers_/);
    expect(roleCredentials?.sessionToken).toMatch(/^est_/);
    expect(roleCredentials?.expiration).toBeGreaterThanOrEqual(before + 900_000);
    expect(roleCredentials?.expiration).toBeLessThan(before + 901_000);
    expect(emulator.issuedSecrets()).toEqual(
      expect.arrayContaining([roleCredentials?.secretAccessKey, roleCredentials?.sessionToken]),
    );
    expect(emulator.calls.getRoleCredentials).toBe(1);
  });

  it('answers 401 UnauthorizedException for unknown and expired access tokens', async () => {
    const expired = emulator.seedLogin({
      startUrl: 'https://x.awsapps.com/start',
      region: 'us-east-1',
      accessTokenTtlSeconds: 0,
    });
    for (const token of ['aoa_unknown', expired.accessToken]) {
      await expect(getCredentials(token)).rejects.toMatchObject({
        name: 'UnauthorizedException',
        $metadata: { httpStatusCode: 401 },
      });
    }
  });

  it('answers 403 ForbiddenException for a role the user is not assigned', async () => {
    const { accessToken } = emulator.seedLogin({
      startUrl: 'https://x.awsapps.com/start',
      region: 'us-east-1',
    });
    emulator.denyRole('123456789012', 'Admin');
    await expect(getCredentials(accessToken, '123456789012', 'Admin')).rejects.toMatchObject({
      name: 'ForbiddenException',
      $metadata: { httpStatusCode: 403 },
    });
    await expect(getCredentials(accessToken, '123456789012', 'Dev')).resolves.toBeDefined();
  });
});
