import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import {
  type CachedToken,
  cacheFilePath,
  formatCachedToken,
  formatTimestamp,
  normalizeTimestamp,
} from './cached-token';

// Expected digests come from `printf %s VALUE | sha1sum`, not from node:crypto.
describe(cacheFilePath.name, () => {
  const dir = '/home/u/.aws/sso/cache';

  it('hashes the sso-session name, not the start URL, for an sso-session', () => {
    expect(cacheFilePath(dir, { sessionName: 'corp' })).toBe(
      join(dir, 'ee0bfd2552fbd840c02cc48b6e823320543c450f.json'),
    );
  });

  it('hashes the start URL for a legacy profile', () => {
    expect(cacheFilePath(dir, { startUrl: 'https://d-123.awsapps.com/start' })).toBe(
      join(dir, '2b829a45f04c9828cb45b7d092d8e4aa30818393.json'),
    );
  });

  it('does not strip a trailing slash from the start URL', () => {
    expect(cacheFilePath(dir, { startUrl: 'https://d-123.awsapps.com/start/' })).toBe(
      join(dir, '270fcba1ccf36d2fc119c66fd3e85add0d85d6c7.json'),
    );
  });

  it('hashes a non-ASCII session name as UTF-8', () => {
    expect(cacheFilePath(dir, { sessionName: 'café' })).toBe(
      join(dir, 'f424452a9673918c6f09b0cdd35b20be8e6ae7d7.json'),
    );
  });
});

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

/** The instant botocore reads from each value (dateutil.parser.parse, as its SSO token loaders do), or null. */
function botocoreInstants(values: string[]): (string | null)[] {
  const script = [
    'import json, sys, dateutil.parser',
    'def read(v):',
    '    try:',
    '        d = dateutil.parser.parse(v)',
    '    except Exception:',
    '        return None',
    '    return d.isoformat() if d.tzinfo is not None else None',
    'print(json.dumps([read(v) for v in json.loads(sys.stdin.read())]))',
  ].join('\n');
  const out = execFileSync('python3', ['-c', script], { input: JSON.stringify(values), encoding: 'utf8' });
  return JSON.parse(out) as (string | null)[];
}

describe(normalizeTimestamp.name, () => {
  // Each older form, with the instant botocore reads from it; ours must be the same instant.
  const older = [
    ['2026-12-01T10:00:00UTC', '2026-12-01T10:00:00Z'], // the AWS CLI v2's JSONFileCache (`%Z` of tzutc)
    ['2026-12-01 10:00:00Z', '2026-12-01T10:00:00Z'],
    ['2026-12-01 10:00:00.250+02:00', '2026-12-01T08:00:00Z'],
  ];

  it('turns the older forms botocore reads into the form botocore writes, at the instant botocore reads', () => {
    const values = older.map(([value]) => value);
    const instants = botocoreInstants(values);
    for (const [i, [value, expected]] of older.entries()) {
      expect(normalizeTimestamp(value)).toBe(expected);
      expect(instants[i]).not.toBeNull();
      expect(Date.parse(instants[i]!)).toBe(Date.parse(expected) + (value.includes('.250') ? 250 : 0));
    }
  });

  it('keeps the current forms byte for byte; the JS SDK reads them as botocore does', () => {
    const current = ['2026-12-01T10:00:00Z', '2026-12-01T10:00:00.123Z', '2026-12-01T10:00:00+02:00'];
    const instants = botocoreInstants(current);
    for (const [i, value] of current.entries()) {
      expect(normalizeTimestamp(value)).toBe(value);
      expect(new Date(value).getTime()).toBe(Date.parse(instants[i]!));
    }
  });

  it('refuses what either reader cannot place in time: no zone, a bare date, other words', () => {
    const refused = ['2026-12-01 10:00:00', '2026-12-01T10:00:00', '2026-12-01', 'tomorrow', '1', ''];
    // botocore reads a zone-less value as local time and the JS SDK as UTC: the two disagree.
    expect(botocoreInstants(['2026-12-01 10:00:00'])).toEqual([null]);
    for (const value of refused) expect(normalizeTimestamp(value)).toBeNull();
  });
});
