import { randomToken } from './random-token';

describe(randomToken.name, () => {
  it('starts with the prefix and carries the requested entropy in base64url', () => {
    const token = randomToken('aoa_', 24);
    expect(token.startsWith('aoa_')).toBe(true);
    expect(token.slice(4)).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('differs on every call', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => randomToken('x_')));
    expect(tokens.size).toBe(100);
  });
});
