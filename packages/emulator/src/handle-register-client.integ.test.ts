import { RegisterClientCommand } from '@aws-sdk/client-sso-oidc';
import type { Emulator } from './emulator';
import { handleRegisterClient } from './handle-register-client';
import { startEmulator } from './start-emulator';
import { createOidcClient } from './test-support/create-oidc-client';

describe(handleRegisterClient.name, () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ registrationTtlSeconds: 3600 });
  });
  afterAll(() => emulator.close());

  it('registers a public client with a secret and its expiry in epoch seconds', async () => {
    const before = Math.floor(Date.now() / 1000);
    const client = createOidcClient(emulator.url);
    const out = await client.send(
      new RegisterClientCommand({ clientName: 'x', clientType: 'public', scopes: ['sso:account:access'] }),
    );
    expect(out.clientId).toMatch(/^ecid_/);
    expect(out.clientSecret).toMatch(/^ecs_/);
    expect(out.clientIdIssuedAt).toBeGreaterThanOrEqual(before);
    expect(out.clientSecretExpiresAt).toBeGreaterThanOrEqual(before + 3600);
    expect(out.clientSecretExpiresAt).toBeLessThanOrEqual(before + 3601);
    expect(emulator.issuedSecrets()).toContain(out.clientSecret);
    expect(emulator.calls.registerClient).toBe(1);
  });

  it('refuses a client type other than public, by name', async () => {
    const client = createOidcClient(emulator.url);
    await expect(
      client.send(new RegisterClientCommand({ clientName: 'x', clientType: 'confidential' })),
    ).rejects.toMatchObject({ name: 'InvalidClientMetadataException', error: 'invalid_client_metadata' });
  });
});
