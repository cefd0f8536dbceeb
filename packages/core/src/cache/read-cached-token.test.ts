import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCachedToken } from './read-cached-token';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sso-read-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe(readCachedToken.name, () => {
  it('reads the one-line botocore form and keeps keys it does not know', async () => {
    const raw =
      '{"startUrl": "https://d-123.awsapps.com/start", "region": "us-east-1", "accessToken": "a", ' +
      '"expiresAt": "2026-11-22T10:00:00Z", "clientId": "c", "clientSecret": "s", ' +
      '"registrationExpiresAt": "2027-01-01T00:00:00Z", "refreshToken": "r", "extra": {"k": 1}}';
    const file = join(dir, 'a.json');
    await writeFile(file, raw);
    await expect(readCachedToken(file)).resolves.toEqual({
      status: 'ok',
      raw,
      token: {
        startUrl: 'https://d-123.awsapps.com/start',
        region: 'us-east-1',
        accessToken: 'a',
        expiresAt: '2026-11-22T10:00:00Z',
        clientId: 'c',
        clientSecret: 's',
        registrationExpiresAt: '2027-01-01T00:00:00Z',
        refreshToken: 'r',
        extra: { k: 1 },
      },
    });
  });

  it('reads the JS SDK form: indented, milliseconds, no client fields', async () => {
    const raw = JSON.stringify({ accessToken: 'a', expiresAt: '2026-11-22T10:00:00.123Z' }, null, 2);
    const file = join(dir, 'a.json');
    await writeFile(file, raw);
    await expect(readCachedToken(file)).resolves.toEqual({
      status: 'ok',
      raw,
      token: { accessToken: 'a', expiresAt: '2026-11-22T10:00:00.123Z' },
    });
  });

  it('sees every rewrite, even one of the same size, and a file that went away', async () => {
    const file = join(dir, 'same-size.json');
    const body = (token: string) => `{"accessToken": "${token}", "expiresAt": "2026-11-22T10:00:00Z"}`;
    await writeFile(file, body('aaaa'));
    expect(await readCachedToken(file)).toMatchObject({ status: 'ok', token: { accessToken: 'aaaa' } });
    expect(await readCachedToken(file)).toMatchObject({ status: 'ok', token: { accessToken: 'aaaa' } });
    await writeFile(file, body('bbbb'));
    expect(await readCachedToken(file)).toMatchObject({ status: 'ok', token: { accessToken: 'bbbb' } });
    await rm(file);
    expect(await readCachedToken(file)).toEqual({ status: 'missing', raw: null });
  });

  it('says missing, not invalid, when there is no file', async () => {
    await expect(readCachedToken(join(dir, 'none.json'))).resolves.toEqual({ status: 'missing', raw: null });
  });

  it('tells a field of the wrong type from a missing one', async () => {
    const file = join(dir, 'a.json');
    await writeFile(file, '{"accessToken": 42, "expiresAt": "2026-11-22T10:00:00Z"}');
    expect(await readCachedToken(file)).toMatchObject({
      status: 'invalid',
      message: `${file}: field accessToken must be a string`,
    });
    await writeFile(file, '{"expiresAt": "2026-11-22T10:00:00Z"}');
    expect(await readCachedToken(file)).toMatchObject({
      status: 'invalid',
      message: `${file}: field accessToken is missing`,
    });
  });
});
