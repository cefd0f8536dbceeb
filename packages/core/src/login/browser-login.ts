import type { SsoSession } from '../aws-config/discover-sessions';
import { readCachedToken } from '../cache/read-cached-token';
import { openCacheWrite, type PendingWrite } from '../cache/write-cached-token';
import { describeLoginError } from './device-auth-client';
import type { LoginResult } from './login-types';
import { pkceLogin, type PkceLoginOptions } from './pkce-login';
import { readRegistrationCache, registrationCacheFile, writeRegistrationCache } from './registration-cache';

export interface BrowserLoginOptions extends Omit<PkceLoginOptions, 'registration'> {
  /** The folder of the AWS CLI's token and registration files. */
  cacheDir: string;
  /** `sso_registration_scopes` as written in the config; null when absent. Part of the registration file's name. */
  configuredScopes: string[] | null;
}

/**
 * `aws sso login` through the browser, with its files: the token cache file (written as device login
 * writes it: temp file opened first, replaced atomically) and the registration file the AWS CLI keeps
 * beside it, reused on the next login by us and by `aws sso login` alike. Never throws.
 */
export async function browserLogin(session: SsoSession, options: BrowserLoginOptions): Promise<LoginResult> {
  const base = { session: session.name, id: session.id };
  const registrationFile = registrationCacheFile(options.cacheDir, {
    startUrl: session.startUrl,
    region: session.region,
    scopes: options.configuredScopes,
    sessionName: session.name,
  });
  let pending: PendingWrite;
  try {
    // Before the browser opens: a folder we cannot write fails before anyone signs in.
    pending = await openCacheWrite(session.cacheFile);
  } catch (error) {
    return { ...base, outcome: 'failed', error: describeLoginError('login', error) };
  }
  try {
    const registration = await readRegistrationCache(registrationFile);
    const result = await pkceLogin(session, { ...options, registration });
    if (result.outcome !== 'logged_in') {
      // A sign-in nobody finished ends like a device code nobody approved.
      const outcome = result.outcome === 'timeout' ? 'expired' : result.outcome;
      return { ...base, outcome, error: result.error };
    }
    // The person asked for this login: it replaces whatever the file holds by now.
    const written = await pending.commit(result.token, (await readCachedToken(session.cacheFile)).raw);
    if (!written.written)
      return {
        ...base,
        outcome: 'superseded',
        error: 'another login wrote the cache file meanwhile; it was kept',
      };
    // Only saves the next login a RegisterClient call: the token file already holds the registration.
    if (!result.reusedRegistration)
      await writeRegistrationCache(registrationFile, result.registration).catch(() => {});
    return {
      ...base,
      outcome: 'logged_in',
      expiresAt: result.token.expiresAt,
      registrationExpiresAt: result.registration.expiresAt,
      reusedRegistration: result.reusedRegistration,
    };
  } catch (error) {
    return { ...base, outcome: 'failed', error: describeLoginError('login', error) };
  } finally {
    await pending.abort();
  }
}
