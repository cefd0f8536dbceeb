import { execFileSync } from 'node:child_process';
import type { CachedToken } from './cached-token';
import { formatCachedToken, formatTimestamp } from './format-cached-token';

/** What Python's json.dumps (botocore's serialiser) makes of a JSON document, keys in document order. */
function pythonDumps(json: string): string {
  return execFileSync(
    'python3',
    ['-c', 'import json, sys; sys.stdout.write(json.dumps(json.loads(sys.stdin.read())))'],
    {
      input: json,
      encoding: 'utf8',
    },
  );
}

describe(formatCachedToken.name, () => {
  it('writes the known keys in botocore order whatever order they came in', () => {
    const token: CachedToken = {
      refreshToken: 'r',
      registrationExpiresAt: '2027-01-01T00:00:00Z',
      clientSecret: 's',
      clientId: 'c',
      expiresAt: '2026-11-22T10:00:00Z',
      accessToken: 'a',
      region: 'us-east-1',
      startUrl: 'https://d-123.awsapps.com/start',
    };
    expect(formatCachedToken(token)).toBe(
      '{"startUrl": "https://d-123.awsapps.com/start", "region": "us-east-1", "accessToken": "a", ' +
        '"expiresAt": "2026-11-22T10:00:00Z", "clientId": "c", "clientSecret": "s", ' +
        '"registrationExpiresAt": "2027-01-01T00:00:00Z", "refreshToken": "r"}',
    );
  });

  it('matches json.dumps byte for byte, with unknown keys after the known ones', () => {
    const token: CachedToken = {
      zeta: { nested: ['x', 1, true, null], ключ: 'значение' },
      accessToken: 'tok\n\t"quoted"\\ \u0001\u007f\u2028 😀',
      expiresAt: '2026-11-22T10:00:00Z',
      '42': 'numeric-looking key',
      startUrl: 'https://d-123.awsapps.com/start/ünïcode',
      count: 3,
      ratio: 0.25,
      empty: {},
      list: [],
    };
    // Hand-written in the order the file must have (known keys first, then the others in the order the
    // object holds them); Python serialises it independently.
    const expected = pythonDumps(
      `{"startUrl": ${JSON.stringify(token.startUrl)}, "accessToken": ${JSON.stringify(token.accessToken)}, ` +
        `"expiresAt": "2026-11-22T10:00:00Z", "42": "numeric-looking key", "zeta": ${JSON.stringify(token.zeta)}, ` +
        '"count": 3, "ratio": 0.25, "empty": {}, "list": []}',
    );
    expect(formatCachedToken(token)).toBe(expected);
    expect(expected).toContain('\\u00fc');
    expect(expected).toContain('\\ud83d\\ude00');
  });

  it('leaves out absent optional keys and ends without a newline', () => {
    const out = formatCachedToken({
      accessToken: 'a',
      expiresAt: '2026-11-22T10:00:00Z',
      refreshToken: undefined,
    });
    expect(out).toBe('{"accessToken": "a", "expiresAt": "2026-11-22T10:00:00Z"}');
    expect(out).toBe(pythonDumps(out));
  });
});

describe(formatTimestamp.name, () => {
  it('drops milliseconds and keeps the Z', () => {
    expect(formatTimestamp(new Date('2026-11-22T10:00:00.987Z'))).toBe('2026-11-22T10:00:00Z');
  });
});
