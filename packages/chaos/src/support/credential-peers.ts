import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { CLI_BIN } from '@sso-supervisor/cli/testing';

export const AWS_CLI = '/usr/bin/aws';

/** What a peer reported per call: `ok <AccessKeyId>`, or `error <what>`. Never a secret. */
export type PeerResults = string[];

/** Adds `[profile <name>]` whose credential_process runs our built `credentials` for `ssoProfile`. */
export async function addCredentialProcessProfile(
  configFile: string,
  name: string,
  ssoProfile: string,
): Promise<void> {
  const command = `${process.execPath} ${CLI_BIN} credentials --profile ${ssoProfile}`;
  await appendFile(configFile, `\n[profile ${name}]\ncredential_process = ${command}\nregion = us-east-1\n`);
}

function run(
  file: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(
      file,
      args,
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 180_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    ),
  );
}

// One interpreter, `n` threads, each with its own boto3 Session: each runs credential_process itself.
const BOTO3_CALLS = `
import sys, threading, boto3
profile, n = sys.argv[1], int(sys.argv[2])
results = []
def one():
    try:
        c = boto3.Session(profile_name=profile).get_credentials().get_frozen_credentials()
        results.append('ok ' + c.access_key)
    except Exception as e:
        results.append('error ' + type(e).__name__)
threads = [threading.Thread(target=one) for _ in range(n)]
for t in threads: t.start()
for t in threads: t.join()
print('\\n'.join(results))
`;

/** `n` concurrent credential reads through boto3 (botocore's ProcessProvider). */
export async function boto3Calls(
  profile: string,
  n: number,
  env: Record<string, string>,
): Promise<PeerResults> {
  const r = await run('python3', ['-c', BOTO3_CALLS, profile, String(n)], env);
  if (r.code !== 0) return [`error python exited ${r.code}: ${r.stderr.split('\n').slice(-3).join(' ')}`];
  return r.stdout.trim().split('\n');
}

/** `n` concurrent `aws configure export-credentials` processes, each running credential_process. */
export async function awsCliCalls(
  profile: string,
  n: number,
  env: Record<string, string>,
): Promise<PeerResults> {
  if (!existsSync(AWS_CLI)) throw new Error(`${AWS_CLI} is missing: apt-get install -y awscli`);
  const args = ['configure', 'export-credentials', '--profile', profile, '--format', 'process'];
  const runs = await Promise.all(Array.from({ length: n }, () => run(AWS_CLI, args, env)));
  return runs.map((r) =>
    r.code === 0
      ? `ok ${JSON.parse(r.stdout).AccessKeyId}`
      : `error exit ${r.code}: ${r.stderr.trim().slice(-200)}`,
  );
}
