import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  formatRegistrationCache,
  readRegistrationCache,
  registrationCacheKey,
  writeRegistrationCache,
} from './registration-cache';

const PYTHON = ['/usr/bin/python3', 'python3'].find((p) => p === 'python3' || existsSync(p))!;

/** botocore's _registration_cache_key, run by Python itself. */
function pythonKey(input: object): string {
  const script =
    'import hashlib, json, sys\n' +
    'a = json.loads(sys.argv[1])\n' +
    "print(hashlib.sha1(json.dumps(a, sort_keys=True).encode('utf-8')).hexdigest())";
  return execFileSync(PYTHON, ['-c', script, JSON.stringify(input)], { encoding: 'utf8' }).trim();
}

describe(registrationCacheKey.name, () => {
  it.each([
    {
      startUrl: 'https://d-1.awsapps.com/start',
      region: 'us-east-1',
      scopes: ['sso:account:access'],
      sessionName: 'corp',
    },
    { startUrl: 'https://d-1.awsapps.com/start/', region: 'eu-west-1', scopes: null, sessionName: 'corp' },
    {
      startUrl: 'https://x.awsapps.com/start#/',
      region: 'eu-west-1',
      scopes: ['a', 'b'],
      sessionName: 'équipe',
    },
    { startUrl: 'https://x.awsapps.com/start', region: 'eu-west-1', scopes: null, sessionName: null },
  ])('names the file as botocore does for %j', (input) => {
    const { sessionName, ...rest } = input;
    expect(registrationCacheKey(input)).toBe(
      pythonKey({ tool: 'botocore', ...rest, session_name: sessionName }),
    );
  });
});

describe(formatRegistrationCache.name, () => {
  it('writes the registration as the AWS CLI does, grantTypes and scopes included', () => {
    const text = formatRegistrationCache({
      clientId: 'cid',
      clientSecret: 'sec',
      expiresAt: '2027-03-01T10:00:00Z',
      scopes: ['sso:account:access'],
      grantTypes: ['authorization_code', 'refresh_token'],
    });
    expect(text).toBe(
      '{"clientId": "cid", "clientSecret": "sec", "expiresAt": "2027-03-01T10:00:00Z", ' +
        '"scopes": ["sso:account:access"], "grantTypes": ["authorization_code", "refresh_token"]}',
    );
  });
});

describe('registration file read and write', () => {
  const registration = {
    clientId: 'id',
    clientSecret: 'secret',
    expiresAt: '2027-03-01T00:00:00Z',
    scopes: ['sso:account:access'],
    grantTypes: ['authorization_code', 'refresh_token'],
  };
  it('writes 0600 and reads back what it wrote; anything unreadable means register anew', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'registration-'));
    const file = join(dir, 'cache', 'r.json');
    await writeRegistrationCache(file, registration);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readRegistrationCache(file)).toEqual(registration);
    await writeFile(file, '{"clientId": "id"}');
    expect(await readRegistrationCache(file)).toBeUndefined();
    await writeFile(file, 'not json');
    expect(await readRegistrationCache(file)).toBeUndefined();
    expect(await readRegistrationCache(join(dir, 'missing.json'))).toBeUndefined();
    await rm(dir, { recursive: true, force: true });
  });
});
