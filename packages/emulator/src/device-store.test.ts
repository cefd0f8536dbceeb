import { DeviceStore } from './device-store';
import { SecretLog } from './secret-log';

describe(DeviceStore.name, () => {
  it('issues a readable user code and a secret device code', () => {
    const secrets = new SecretLog(10);
    const authorization = new DeviceStore(secrets).start('c', 'https://s', 600, 5, 0);
    expect(authorization.userCode).toMatch(/^[B-Z]{4}-[B-Z]{4}$/);
    expect(secrets.list()).toEqual([authorization.deviceCode]);
  });

  it('refuses to decide an unknown or expired user code', () => {
    const store = new DeviceStore(new SecretLog(10));
    const { userCode } = store.start('c', 'https://s', 1, 5, 0);
    expect(() => store.decide('ZZZZ-ZZZZ', 'approved', 0)).toThrow(/no pending device authorization/);
    expect(() => store.decide(userCode, 'approved', 1000)).toThrow(/no pending device authorization/);
  });

  it('remembers an expired code for ten minutes so polls can be told it expired', () => {
    const store = new DeviceStore(new SecretLog(10));
    const { deviceCode } = store.start('c', 'https://s', 1, 5, 0);
    store.sweep(1000 + 10 * 60 * 1000 - 1);
    expect(store.find(deviceCode)).toBeDefined();
    expect(store.pending(1000)).toEqual([]);
    store.sweep(1000 + 10 * 60 * 1000);
    expect(store.find(deviceCode)).toBeUndefined();
    expect(store.size).toBe(0);
  });
});
