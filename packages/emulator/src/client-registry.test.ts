import { ClientRegistry } from './client-registry';
import { SecretLog } from './secret-log';

describe(ClientRegistry.name, () => {
  it('authenticates only the right secret of a live registration', () => {
    const registry = new ClientRegistry(new SecretLog(10));
    const client = registry.register(true, 60, 0);
    expect(registry.authenticate(client.clientId, client.clientSecret, 59_999)).toBe(client);
    expect(registry.authenticate(client.clientId, 'ecs_wrong', 0)).toBeUndefined();
    expect(registry.authenticate('ecid_unknown', client.clientSecret, 0)).toBeUndefined();
    expect(registry.authenticate(client.clientId, client.clientSecret, 60_000)).toBeUndefined();
  });

  it('expires a registration on demand and sweeps it', () => {
    const registry = new ClientRegistry(new SecretLog(10));
    const client = registry.register(true, 60, 0);
    registry.expire(client.clientId, 10);
    expect(registry.isLive(client.clientId, 10)).toBe(false);
    registry.sweep(10);
    expect(registry.size).toBe(0);
    expect(() => registry.expire(client.clientId, 10)).toThrow(/no client registration/);
  });
});
