import { ssoEndpoints } from './sso-endpoints';

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
