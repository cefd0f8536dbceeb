import type { Grant } from './grant';
import { SecretLog } from './secret-log';
import { TokenStore } from './token-store';

describe(TokenStore.name, () => {
  it('keeps only the newest eight access tokens of one login alive', () => {
    const store = new TokenStore(new SecretLog(100));
    const grant: Grant = { clientId: 'c', accessTokens: [] };
    const tokens = Array.from({ length: 10 }, () => store.issueAccessToken(grant, 60, 0));
    expect(tokens.map((t) => store.isAccessTokenLive(t, 1))).toEqual([
      ...Array(2).fill(false),
      ...Array(8).fill(true),
    ]);
    expect(store.accessTokenCount).toBe(8);
  });

  it('ties a refresh token to the client it was issued to', () => {
    const store = new TokenStore(new SecretLog(100));
    const grant: Grant = { clientId: 'c', accessTokens: [] };
    const token = store.issueRefreshToken(grant);
    expect(store.grantFor(token, 'c')).toBe(grant);
    expect(store.grantFor(token, 'other')).toBeUndefined();
    expect(store.grantFor(42, 'c')).toBeUndefined();
  });

  it('sweeps expired access tokens and refresh tokens of dead registrations', () => {
    const store = new TokenStore(new SecretLog(100));
    const live: Grant = { clientId: 'live', accessTokens: [] };
    const dead: Grant = { clientId: 'dead', accessTokens: [] };
    const shortLived = store.issueAccessToken(live, 1, 0);
    const longLived = store.issueAccessToken(live, 60, 0);
    const kept = store.issueRefreshToken(live);
    store.issueRefreshToken(dead);
    store.sweep(1000, (clientId) => clientId === 'live');
    expect(store.isAccessTokenLive(shortLived, 0)).toBe(false);
    expect(store.isAccessTokenLive(longLived, 1000)).toBe(true);
    expect(store.refreshTokenCount).toBe(1);
    expect(store.grantFor(kept, 'live')).toBe(live);
  });
});
