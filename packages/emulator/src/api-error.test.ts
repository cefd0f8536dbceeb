import { ApiError } from './api-error';

describe(ApiError.name, () => {
  it('pairs an OIDC exception name with its OAuth error code', () => {
    const error = ApiError.oidc('UnsupportedGrantTypeException', 'nope');
    expect(error.status).toBe(400);
    expect(error.errorTypeHeader).toMatch(/^UnsupportedGrantTypeException:/);
    expect(error.body).toEqual({ error: 'unsupported_grant_type', error_description: 'nope' });
    expect(ApiError.oidc('InternalServerException', 'x', 500).body.error).toBe('server_error');
  });

  it('sends no type header and an empty body when the type is empty', () => {
    const error = ApiError.oidc('', 'x', 503);
    expect(error.errorTypeHeader).toBeUndefined();
    expect(error.body).toEqual({});
  });

  it('gives portal errors a message body', () => {
    const error = ApiError.portal('UnauthorizedException', 'Session token not found or invalid', 401);
    expect(error.body).toEqual({ message: 'Session token not found or invalid' });
    expect(error.errorTypeHeader).toMatch(/^UnauthorizedException:/);
  });

  it('puts the type and any Retry-After in response headers', () => {
    expect(ApiError.portal('TooManyRequestsException', 'slow', 429, 7).headers()).toEqual({
      'x-amzn-ErrorType': expect.stringMatching(/^TooManyRequestsException:/),
      'retry-after': '7',
    });
    expect(ApiError.oidc('', 'x', 502).headers()).toEqual({});
  });
});
