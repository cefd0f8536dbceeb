import {
  AccessDeniedException,
  ExpiredTokenException,
  InternalServerException,
  InvalidClientException,
  InvalidGrantException,
  InvalidRequestException,
  InvalidScopeException,
  UnauthorizedClientException,
  UnsupportedGrantTypeException,
} from '@aws-sdk/client-sso-oidc';
import { IncompleteRefreshError, ReauthRequiredError, TransientError } from '../errors';
import { classifyOidcError, secretRecordingRefresher, type TokenRefresher } from './oidc-refresher';

describe('classify-oidc-error', () => {
  const login = 'aws sso login --sso-session corp';
  const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode }, message: 'from the service' });

  describe(classifyOidcError.name, () => {
    it.each([
      ['InvalidGrantException', new InvalidGrantException(meta(400)), 'refresh token rejected'],
      ['InvalidClientException', new InvalidClientException(meta(401)), 'client registration rejected'],
      ['ExpiredTokenException', new ExpiredTokenException(meta(400)), 'refresh token rejected'],
      ['UnauthorizedClientException', new UnauthorizedClientException(meta(400)), 'refresh token rejected'],
      ['AccessDeniedException', new AccessDeniedException(meta(400)), 'refresh token rejected'],
      ['InvalidRequestException', new InvalidRequestException(meta(400)), 'refresh token rejected'],
      ['InvalidScopeException', new InvalidScopeException(meta(400)), 'refresh token rejected'],
      [
        'UnsupportedGrantTypeException',
        new UnsupportedGrantTypeException(meta(400)),
        'refresh token rejected',
      ],
    ])('%s needs a login', (name, error, what) => {
      const result = classifyOidcError(error, login);
      expect(result).toBeInstanceOf(ReauthRequiredError);
      expect(result).toMatchObject({ retryable: false, command: login, cause: error });
      expect(result.message).toBe(`${what} (${name}): run ${login}`);
    });

    it('treats a terminal name as terminal even without an HTTP status', () => {
      const error = Object.assign(new Error('bad grant'), { name: 'InvalidGrantException' });
      expect(classifyOidcError(error, login)).toBeInstanceOf(ReauthRequiredError);
    });

    it('treats an unknown 4xx as terminal', () => {
      const error = Object.assign(new Error('nope'), { name: 'Unknown', $metadata: { httpStatusCode: 403 } });
      expect(classifyOidcError(error, login)).toBeInstanceOf(ReauthRequiredError);
    });

    it.each([500, 502, 503])('HTTP %i is transient and carries the service detail', (status) => {
      const error = new InternalServerException({ ...meta(status), error_description: 'try later' });
      const result = classifyOidcError(error, login);
      expect(result).toBeInstanceOf(TransientError);
      expect(result).toMatchObject({ retryable: true, cause: error });
      expect(result.message).toBe(`refresh failed (HTTP ${status} InternalServerException): try later`);
    });

    it('429 throttling and 408 are transient', () => {
      const throttled = Object.assign(new Error('Rate exceeded'), {
        name: 'ThrottlingException',
        $metadata: { httpStatusCode: 429 },
      });
      expect(classifyOidcError(throttled, login).message).toBe(
        'refresh failed (HTTP 429 ThrottlingException): Rate exceeded',
      );
      const timeout = Object.assign(new Error('Request Timeout'), {
        name: 'Unknown',
        $metadata: { httpStatusCode: 408 },
      });
      expect(classifyOidcError(timeout, login)).toBeInstanceOf(TransientError);
    });

    it('a TimeoutError is transient', () => {
      const error = Object.assign(new Error('Connection timed out after 15000 ms'), { name: 'TimeoutError' });
      const result = classifyOidcError(error, login);
      expect(result).toBeInstanceOf(TransientError);
      expect(result.message).toBe('refresh failed (TimeoutError): Connection timed out after 15000 ms');
    });

    it('a reset connection is transient and names its code', () => {
      const error = Object.assign(new Error('read ECONNRESET'), {
        code: 'ECONNRESET',
        errno: -104,
        syscall: 'read',
      });
      const result = classifyOidcError(error, login);
      expect(result).toBeInstanceOf(TransientError);
      expect(result.message).toBe('refresh failed (ECONNRESET): read ECONNRESET');
    });

    it('survives something thrown that is not an error', () => {
      expect(classifyOidcError(undefined, login).message).toBe('refresh failed (Error)');
      expect(classifyOidcError(null, login)).toBeInstanceOf(TransientError);
    });
  });
});

describe('secret-recording-refresher', () => {
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
});
