import fc from 'fast-check';

export interface CacheLogin {
  accessToken: string;
  clientId: string;
  clientSecret: string;
  refreshToken?: string;
}

/** What to put where a cache file belongs: its bytes, or null for a folder in its place. */
export type CacheFileBody = string | Uint8Array | null;

const iso = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const stamp = fc.oneof(
  iso,
  iso.map((s) => s.replace(/\.\d{3}Z$/, 'Z')),
  fc.constantFrom('2026-13-45T99:99:99Z', 'tomorrow', '1', '', '2026-11-22T10:00:00', '2026-11-22 10:00:00Z'),
  fc.string({ maxLength: 10 }),
  fc.integer(),
);

/**
 * Cache file contents: token objects with right and wrong fields (the real login's secrets among them, so
 * an error that quotes a value shows up in the secret scan), damaged JSON, other JSON, bytes, a folder.
 */
export function cacheFileArbitrary(login: CacheLogin): fc.Arbitrary<CacheFileBody> {
  const secrets = Object.values(login).filter((s): s is string => typeof s === 'string');
  const secretish = fc.oneof(
    fc.constantFrom(...secrets),
    fc.string({ maxLength: 10 }),
    fc.integer(),
    fc.constant(null),
    fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }),
  );
  const token = fc.record(
    {
      startUrl: fc.constantFrom('https://d-1234567890.awsapps.com/start', ''),
      region: fc.constantFrom('us-east-1', 'nowhere-1', ''),
      accessToken: secretish,
      expiresAt: stamp,
      clientId: secretish,
      clientSecret: secretish,
      registrationExpiresAt: stamp,
      refreshToken: secretish,
      extra: fc.jsonValue({ maxDepth: 2 }),
    },
    { requiredKeys: [] },
  );
  const json = token.map((t) => JSON.stringify(t));
  return fc.oneof(
    { weight: 3, arbitrary: json },
    { weight: 1, arbitrary: token.map((t) => JSON.stringify(t, null, 2)) },
    { weight: 1, arbitrary: fc.tuple(json, fc.nat()).map(([t, n]) => t.slice(0, n % (t.length + 1))) },
    { weight: 1, arbitrary: json.map((t) => `\ufeff${t}`) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string() },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
    { weight: 1, arbitrary: fc.constantFrom<CacheFileBody>('', null) },
  );
}
