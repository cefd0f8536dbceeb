import { checkEndpoint } from './check-endpoint';

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
