import { backoffDelay, createAwsClients, retrySettings, type RetrySettings } from './aws-clients';

const settings: RetrySettings = { attempts: 4, baseDelay: 2000, maxDelay: 60000, timeout: 15000 };
const lowest = () => 0;
const highest = () => 0.999999;

describe(backoffDelay.name, () => {
  it('doubles from baseDelay, half fixed and half jitter', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, settings, lowest))).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, settings, highest))).toEqual([2000, 4000, 8000, 16000]);
    expect(backoffDelay(2, settings, () => 0.5)).toBe(3000);
  });

  it('never exceeds maxDelay however many attempts', () => {
    expect(backoffDelay(6, settings, highest)).toBe(60000);
    expect(backoffDelay(60, settings, lowest)).toBe(30000);
    expect(backoffDelay(2000, settings, highest)).toBe(60000);
  });

  it('treats attempt 0 like the first', () => {
    expect(backoffDelay(0, settings, lowest)).toBe(1000);
  });

  it('stays within [ceiling/2, ceiling] with the real random source', () => {
    for (let i = 0; i < 200; i++) {
      const delay = backoffDelay(3, settings);
      expect(delay).toBeGreaterThanOrEqual(4000);
      expect(delay).toBeLessThanOrEqual(8000);
    }
  });
});

describe(retrySettings.name, () => {
  it('folds the timeout into the retry settings', () => {
    const given = { retry: { attempts: 2, baseDelay: 10, maxDelay: 20 }, timeout: 30, threshold: 1 };
    expect(retrySettings(given)).toEqual({ attempts: 2, baseDelay: 10, maxDelay: 20, timeout: 30 });
  });
});

describe(createAwsClients.name, () => {
  it('makes one client per service, region and settings, and new ones after destroy', async () => {
    const clients = createAwsClients();
    const a = await clients.oidc('eu-west-1', settings);
    expect(await clients.oidc('eu-west-1', { ...settings })).toBe(a);
    expect(await clients.oidc('us-east-1', settings)).not.toBe(a);
    expect(await clients.oidc('eu-west-1', { ...settings, attempts: 1 })).not.toBe(a);
    const sso = await clients.sso('eu-west-1', settings);
    expect(sso).not.toBe(a);
    expect(await clients.sso('eu-west-1', settings)).toBe(sso);
    clients.destroy();
    expect(await clients.oidc('eu-west-1', settings)).not.toBe(a);
    clients.destroy();
  });
});
