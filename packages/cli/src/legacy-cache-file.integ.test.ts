import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeAwsCliDataPath } from '@sso-supervisor/emulator';
import { createWorld, type World } from '@sso-supervisor/emulator/testing';
import { runCli } from './testing';

const run = promisify(execFile);
const AWS = '/usr/bin/aws';

/** The cache file botocore itself names for a profile: its own config loader and SSOTokenLoader's key. */
const BOTOCORE_CACHE_KEY = `
import sys, botocore.session
from botocore.utils import SSOTokenLoader
url = botocore.session.Session(profile=sys.argv[1]).get_scoped_config()["sso_start_url"]
print(SSOTokenLoader()._generate_cache_key(url, None))
`;

/**
 * A legacy profile whose start URL carries an inline comment: the AWS CLI hashes the value with the comment,
 * the JS SDK without. After `aws sso login` only the AWS CLI's file exists; we must find it.
 */
describe('a legacy start URL with an inline comment', () => {
  let world: World;
  let env: Record<string, string>;
  let cliFile: string;
  let sdkFile: string;

  beforeAll(async () => {
    world = await createWorld({
      prefix: 'legacy-comment-',
      sessions: [{ name: 'old', profiles: ['old'], legacy: true }],
    });
    env = world.env;
    const { configFile, cacheDir, sessions } = world.home;
    const config = await readFile(configFile, 'utf8');
    await writeFile(configFile, config.replace(/^(sso_start_url = .*)$/m, '$1 # corp'));
    const { stdout } = await run('python3', ['-c', BOTOCORE_CACHE_KEY, 'old'], {
      env: { ...env, PATH: process.env.PATH ?? '' },
    });
    cliFile = join(cacheDir, `${stdout.trim()}.json`);
    sdkFile = sessions.old.cacheFile;
    // As `aws sso login` leaves it: the login under the AWS CLI's name only.
    await rename(sdkFile, cliFile);
  });
  afterAll(() => world.close());

  it('botocore names a different file than the JS SDK would', () => {
    expect(cliFile).not.toBe(sdkFile);
  });

  it("credentials and token read the AWS CLI's file", async () => {
    const login = JSON.parse(await readFile(cliFile, 'utf8')) as { accessToken: string };
    const token = await runCli(['token', 'old'], env);
    expect(token).toMatchObject({ code: 0, stdout: `${login.accessToken}\n` });
    const credentials = await runCli(['credentials', '--profile', 'old'], env);
    expect(credentials).toMatchObject({ code: 0, stderr: '' });
  });

  it('the AWS CLI reads the same file', async () => {
    if (!existsSync(AWS)) throw new Error(`${AWS} is missing: apt-get install -y awscli`);
    const data = join(world.dir, 'aws-data');
    await writeAwsCliDataPath(data, world.emulator.url);
    const { stdout } = await run(AWS, ['configure', 'export-credentials', '--profile', 'old'], {
      env: { ...env, AWS_DATA_PATH: data, PATH: process.env.PATH ?? '' },
    });
    expect(JSON.parse(stdout)).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) });
    await rm(join(world.home.home, '.aws', 'cli', 'cache'), { recursive: true, force: true });
  });

  it('takes the newer when both exist, and doctor says which and why', async () => {
    const older = await readFile(cliFile, 'utf8');
    const newer = older.replace(/"accessToken": "[^"]*"/, '"accessToken": "the-newer-login"');
    await writeFile(sdkFile, newer, { mode: 0o600 });
    const past = new Date(Date.now() - 60_000);
    await utimes(cliFile, past, past);
    expect(await runCli(['token', 'old'], env)).toMatchObject({ code: 0, stdout: 'the-newer-login\n' });

    const doctor = await runCli(['doctor', '--profile', 'old', '--json'], env);
    const checks = (JSON.parse(doctor.stdout) as { checks: { title: string; detail: string }[] }).checks;
    const choice = checks.find((c) => c.title === 'cache file choice old');
    expect(choice?.detail).toContain(`${sdkFile}: its sso_start_url has an inline comment`);
    expect(choice?.detail).toContain("using the AWS SDK for JavaScript's: both exist and it is the newer");
    await rm(sdkFile);
  });
});
