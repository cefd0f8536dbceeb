import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SsoSession } from '../aws-config/discover-sessions';
import { chooseCacheFile } from './choose-cache-file';

describe(chooseCacheFile.name, () => {
  let dir: string;
  let session: SsoSession;
  let cli: string;
  let sdk: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'choose-cache-'));
    cli = join(dir, 'cli.json');
    sdk = join(dir, 'sdk.json');
    session = {
      id: 'legacy:https://x/start',
      name: null,
      startUrl: 'https://x/start',
      region: 'us-east-1',
      registrationScopes: [],
      profiles: ['old'],
      cacheFile: cli,
      cacheFileCandidates: [
        { file: cli, readBy: 'the AWS CLI and botocore' },
        { file: sdk, readBy: 'the AWS SDK for JavaScript' },
      ],
      loginCommand: 'aws sso login --profile old',
    };
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const age = (file: string, seconds: number) => {
    const at = new Date(Date.now() - seconds * 1000);
    return utimes(file, at, at);
  };

  it("takes the AWS CLI's file, where aws sso login writes, when neither exists", async () => {
    await chooseCacheFile(session);
    expect(session.cacheFile).toBe(cli);
    expect(session.cacheFileReason).toMatch(/neither exists, so it is the AWS CLI and botocore's/);
  });

  it('takes the one that exists', async () => {
    await writeFile(sdk, '{}');
    await chooseCacheFile(session);
    expect(session.cacheFile).toBe(sdk);
    expect(session.cacheFileReason).toMatch(/it is the one that exists$/);
  });

  it.each([
    ['the AWS CLI', 'cli', 10, 20],
    ['the JS SDK', 'sdk', 20, 10],
  ])('takes the newer of two: %s', async (_who, expected, cliAge, sdkAge) => {
    await writeFile(cli, '{}');
    await writeFile(sdk, '{}');
    await age(cli, cliAge);
    await age(sdk, sdkAge);
    await chooseCacheFile(session);
    expect(session.cacheFile).toBe(expected === 'cli' ? cli : sdk);
    expect(session.cacheFileReason).toMatch(/both exist and it is the newer$/);
  });

  it('leaves a session with one cache file alone', async () => {
    const { cacheFileCandidates: _, ...single } = session;
    await chooseCacheFile(single);
    expect(single).not.toHaveProperty('cacheFileReason');
  });
});
