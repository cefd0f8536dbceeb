import { ssoEndpoints, checkEndpoint } from './endpoint-checks';

describe(ssoEndpoints.name, () => {
  it('uses the public endpoints by default', () => {
    expect(ssoEndpoints('eu-west-1', {})).toStrictEqual({
      oidc: 'https://oidc.eu-west-1.amazonaws.com',
      portal: 'https://portal.sso.eu-west-1.amazonaws.com',
    });
  });

  it('uses amazonaws.com.cn in China regions', () => {
    expect(ssoEndpoints('cn-north-1', {}).portal).toBe('https://portal.sso.cn-north-1.amazonaws.com.cn');
  });

  it('honours the service variables before AWS_ENDPOINT_URL, and skips empty ones', () => {
    expect(
      ssoEndpoints('us-east-1', {
        AWS_ENDPOINT_URL: 'http://all',
        AWS_ENDPOINT_URL_SSO_OIDC: 'http://oidc',
        AWS_ENDPOINT_URL_SSO: '',
      }),
    ).toStrictEqual({ oidc: 'http://oidc', portal: 'http://all' });
  });
});

describe(checkEndpoint.name, () => {
  it('passes on any HTTP answer', () => {
    expect(checkEndpoint('SSO portal', 'https://p', { reachable: true, status: 404, ms: 12 })).toStrictEqual({
      status: 'pass',
      title: 'SSO portal',
      detail: 'https://p answered (HTTP 404, 12 ms)',
    });
  });

  it('fails with the network error and where to look', () => {
    expect(
      checkEndpoint('SSO OIDC', 'https://o', { reachable: false, error: 'ENOTFOUND', ms: 3 }),
    ).toMatchObject({
      status: 'fail',
      detail: 'https://o cannot be reached (ENOTFOUND after 3 ms)',
      fix: expect.stringContaining('DNS'),
    });
  });
});
