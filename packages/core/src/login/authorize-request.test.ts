import { createHash } from 'node:crypto';
import { buildAuthorizeUrl, createPkcePair, createState } from './authorize-request';

describe(createPkcePair.name, () => {
  it('draws a 64-character verifier from the RFC 7636 alphabet and sends its unpadded S256 hash', () => {
    const { verifier, challenge } = createPkcePair();
    expect(verifier).toMatch(/^[A-Za-z0-9._~-]{64}$/);
    expect(challenge).toBe(createHash('sha256').update(verifier).digest('base64url'));
    expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createPkcePair().verifier).not.toBe(verifier);
  });
});

describe(buildAuthorizeUrl.name, () => {
  it('builds the URL botocore builds: same host as CreateToken, its parameter order, percent-encoded', () => {
    const url = buildAuthorizeUrl('https://oidc.eu-west-1.amazonaws.com/', {
      clientId: 'cid',
      redirectUri: 'http://127.0.0.1:4711/oauth/callback',
      state: 'a8e6b3c4-0000-4000-8000-000000000000',
      challenge: 'C'.repeat(43),
      scopes: ['sso:account:access', 'codewhisperer:completions'],
    });
    expect(url).toBe(
      'https://oidc.eu-west-1.amazonaws.com/authorize?response_type=code&client_id=cid' +
        '&redirect_uri=http%3A%2F%2F127.0.0.1%3A4711%2Foauth%2Fcallback&state=a8e6b3c4-0000-4000-8000-000000000000' +
        `&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess%20codewhisperer%3Acompletions&code_challenge=${'C'.repeat(43)}`,
    );
  });

  it('uses a UUID for state, as the AWS CLI does', () => {
    expect(createState()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
