import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Long jobs for `exec` and `env` tests: each asks its SDK's default credential chain for credentials every
 * 200 ms until it has seen `keys` different sets (0: no end), `seconds` pass, or the file `stop` appears in
 * its folder, and prints one JSON line per call,
 * `{"ok": true, "key": ACCESS_KEY_ID}` or `{"ok": false, "message": ...}` (never a secret).
 */
const JS_JOB = `
const { existsSync } = require('node:fs');
const { fromNodeProviderChain } = require(process.env.JOB_SDK);
const end = Date.now() + Number(process.argv[2]) * 1000;
const want = Number(process.argv[4]);
const keys = new Set();
const provider = fromNodeProviderChain();
(async () => {
  while (Date.now() < end && !existsSync(process.argv[3]) && !(want && keys.size >= want)) {
    try {
      const c = await provider();
      keys.add(c.accessKeyId);
      console.log(JSON.stringify({ ok: true, key: c.accessKeyId }));
    } catch (e) {
      console.log(JSON.stringify({ ok: false, message: String(e.message) + ' ' + String(e.Message ?? '') }));
    }
    await new Promise((r) => setTimeout(r, 200));
  }
})();
`;

const PY_JOB = `
import json, os, sys, time, botocore.session
end = time.time() + float(sys.argv[1])
want = int(sys.argv[3])
keys = set()
creds = botocore.session.get_session().get_credentials()
assert creds.method == "container-role", creds.method
while time.time() < end and not os.path.exists(sys.argv[2]) and not (want and len(keys) >= want):
    try:
        key = creds.get_frozen_credentials().access_key
        keys.add(key)
        print(json.dumps({"ok": True, "key": key}), flush=True)
    except Exception as e:
        print(json.dumps({"ok": False, "message": str(e)}), flush=True)
    time.sleep(0.2)
`;

/** Debian's AWS CLI v2 (2.9.19: the token variable only), a new process per call as a script would run it. */
const CLI_JOB = `
end=$(( $(date +%s) + $1 ))
seen=""
while [ "$(date +%s)" -lt "$end" ] && [ ! -e "$2" ]; do
  if [ "$3" -gt 0 ] && [ "$(printf '%s' "$seen" | sort -u | grep -c .)" -ge "$3" ]; then break; fi
  if out=$(/usr/bin/aws configure export-credentials --format process 2>&1); then
    key=$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["AccessKeyId"])')
    seen="$seen$key
"
    printf '{"ok": true, "key": "%s"}\\n' "$key"
  else
    python3 -c 'import json,sys; print(json.dumps({"ok": False, "message": sys.argv[1]}))' "$out"
  fi
done
`;

export type JobKind = 'js' | 'botocore' | 'aws-cli';

/** Writes the job scripts into `dir`; returns the command line for each, run `seconds` at most. */
export async function writeJobs(
  dir: string,
): Promise<(kind: JobKind, seconds: number, keys?: number) => string[]> {
  await writeFile(join(dir, 'job.js'), JS_JOB);
  await writeFile(join(dir, 'job.py'), PY_JOB);
  await writeFile(join(dir, 'job.sh'), CLI_JOB);
  const stop = join(dir, 'stop');
  return (kind, seconds, keys = 0) => {
    const rest = [String(seconds), stop, String(keys)];
    if (kind === 'js') return [process.execPath, join(dir, 'job.js'), ...rest];
    if (kind === 'botocore') return ['python3', join(dir, 'job.py'), ...rest];
    return ['bash', join(dir, 'job.sh'), ...rest];
  };
}

/** The environment a JS job needs to find the SDK (its folder has no node_modules). */
export const JOB_ENV = { JOB_SDK: require.resolve('@aws-sdk/credential-providers') };

export interface JobReport {
  keys: Set<string>;
  errors: string[];
  /** Each call in order: ok, or the message it failed with. */
  calls: Array<{ ok: boolean; key?: string; message?: string }>;
}

export function readJobReport(stdout: string): JobReport {
  const calls = stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as JobReport['calls'][number]);
  return {
    calls,
    keys: new Set(calls.filter((c) => c.ok).map((c) => c.key!)),
    errors: calls.filter((c) => !c.ok).map((c) => c.message!),
  };
}
