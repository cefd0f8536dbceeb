import { IncompleteRefreshError } from '../errors/incomplete-refresh-error';
import { secretRecordingRefresher } from './secret-recording-refresher';
import type { TokenRefresher } from './oidc-refresher';

describe(secretRecordingRefresher.name, () => {
  it('records the secrets of the grant and of the answer, and passes the answer through', async () => {
    let destroyed = false;
    const inner: TokenRefresher = {
      refresh: async () => ({ accessToken: 'new-access', expiresIn: 3600, refreshToken: 'new-refresh' }),
      destroy: () => {
        destroyed = true;
      },
    };
    const seen: Array<string | undefined> = [];
    const wrapped = secretRecordingRefresher(inner, (s) => seen.push(s));
    const grant = {
      region: 'r',
      clientId: 'id',
      clientSecret: 'secret',
      refreshToken: 'old-refresh',
      loginCommand: 'x',
    };
    await expect(wrapped.refresh(grant)).resolves.toEqual({
      accessToken: 'new-access',
      expiresIn: 3600,
      refreshToken: 'new-refresh',
    });
    expect(seen).toEqual(['old-refresh', 'secret', 'new-access', 'new-refresh']);
    wrapped.destroy();
    expect(destroyed).toBe(true);
  });

  it('records the new refresh token of an incomplete answer and passes the failure on', async () => {
    const failure = new IncompleteRefreshError('no accessToken', 'rotated-refresh');
    const inner: TokenRefresher = { refresh: () => Promise.reject(failure), destroy: () => {} };
    const seen: Array<string | undefined> = [];
    const wrapped = secretRecordingRefresher(inner, (s) => seen.push(s));
    const grant = {
      region: 'r',
      clientId: 'id',
      clientSecret: 'secret',
      refreshToken: 'old',
      loginCommand: 'x',
    };
    await expect(wrapped.refresh(grant)).rejects.toBe(failure);
    expect(seen).toEqual(['old', 'secret', 'rotated-refresh']);
  });
});
