import { IncompleteRefreshError } from '../errors/incomplete-refresh-error';
import type { TokenRefresher } from './oidc-refresher';

/**
 * Wraps a refresher so every secret that passes through it (refresh token, client secret, new tokens)
 * is handed to `record`, which feeds the logger's redaction by value.
 */
export function secretRecordingRefresher(
  inner: TokenRefresher,
  record: (secret: string | undefined) => void,
): TokenRefresher {
  return {
    async refresh(grant, signal, retry) {
      record(grant.refreshToken);
      record(grant.clientSecret);
      const fresh = await inner.refresh(grant, signal, retry).catch((error: unknown) => {
        if (error instanceof IncompleteRefreshError) record(error.refreshToken);
        throw error;
      });
      record(fresh.accessToken);
      record(fresh.refreshToken);
      return fresh;
    },
    destroy: () => inner.destroy(),
  };
}
