import { execFile } from 'node:child_process';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createWorld, type World } from '@sso-supervisor/emulator/testing';
import { CLI_BIN } from './testing';

const run = promisify(execFile);

/**
 * A long-lived boto3 client reading credentials over and over (as an SDK call does before each request),
 * its credential_process counting its runs. Time is moved on by ageing both copies of the credentials
 * alike: botocore's in memory and ours in the role cache, so botocore's real 15/10-minute windows apply.
 */
const BOTO3_CLIENT = `
import boto3, datetime, glob, json, os, sys
state, count = sys.argv[1], sys.argv[2]
runs = lambda: len(open(count).read().splitlines()) if os.path.exists(count) else 0
creds = boto3.Session(profile_name="app").get_credentials()

def read(n):
    for _ in range(n):
        creds.get_frozen_credentials()

def shift(value, delta):
    moved = datetime.datetime.fromisoformat(value.replace("Z", "+00:00")) - delta
    return moved.isoformat().replace("+00:00", "Z")

def age(minutes):
    delta = datetime.timedelta(minutes=minutes)
    creds._expiry_time -= delta
    for name in glob.glob(os.path.join(state, "role-credentials", "*.json")):
        with open(name) as f:
            entry = json.load(f)
        for key in ("expiration", "obtainedAt"):
            if key in entry:
                entry[key] = shift(entry[key], delta)
        with open(name, "w") as f:
            json.dump(entry, f)

seen = {}
read(10)
seen["fresh"] = runs()
age(44)
read(10)
seen["16 minutes left"] = runs()
age(2)
read(10)
seen["14 minutes left"] = runs()
print(json.dumps(seen))
`;

describe('boto3 with credential_process = sso-supervisor credentials', () => {
  let world: World;

  beforeAll(async () => {
    world = await createWorld({
      prefix: 'boto3-process-',
      sessions: [{ name: 'corp', profiles: ['dev'] }],
      emulator: { roleCredentialTtlSeconds: 3600 },
    });
  });
  afterAll(() => world.close());

  async function readRepeatedly(name: string, yaml: string) {
    const env = await world.withConfig(name, yaml);
    const count = join(world.dir, `${name}.runs`);
    const wrapper = join(world.dir, `${name}.sh`);
    await writeFile(
      wrapper,
      `#!/bin/sh\necho run >> '${count}'\nexec '${process.execPath}' '${CLI_BIN}' credentials --profile dev\n`,
    );
    await chmod(wrapper, 0o755);
    const config = join(world.dir, `${name}.config`);
    const awsConfig = await readFile(world.home.configFile, 'utf8');
    await writeFile(config, `${awsConfig}\n[profile app]\ncredential_process = ${wrapper}\n`);
    const calls = world.emulator.calls.getRoleCredentials;
    const { stdout } = await run('python3', ['-c', BOTO3_CLIENT, env.SSO_SUPERVISOR_STATE_DIR, count], {
      env: { ...env, AWS_CONFIG_FILE: config, PATH: process.env.PATH ?? '' },
      timeout: 120_000,
    });
    return { runs: JSON.parse(stdout), portal: world.emulator.calls.getRoleCredentials - calls };
  }

  it('runs our process once per credential lifetime with the default 20-minute margin', async () => {
    expect(await readRepeatedly('default', 'version: 1\n')).toEqual({
      runs: { fresh: 1, '16 minutes left': 1, '14 minutes left': 2 },
      portal: 2,
    });
  });

  it("runs it on every read inside botocore's window with a margin under 15 minutes (what the default avoids)", async () => {
    const margin5m = 'version: 1\ndefaults:\n  credentialsRenewBefore: 5m\n';
    expect(await readRepeatedly('five', margin5m)).toEqual({
      runs: { fresh: 1, '16 minutes left': 1, '14 minutes left': 11 },
      portal: 1,
    });
  });
});
