import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Emulator } from '@sso-supervisor/emulator';
import { createWorld, type World } from '@sso-supervisor/emulator/testing';
import { JOB_ENV, readJobReport, writeJobs, type JobKind } from './test-support/broker-jobs';
import { CLI_BIN, DaemonProcess, leakedSecrets, runCli, type CliRun } from './testing';

const CONFIG = `version: 1
defaults:
  schedule: "* * * * * *"
  threshold: 4s
  retry: { attempts: 2, baseDelay: 100ms, maxDelay: 200ms }
  timeout: 3s
log:
  level: debug
`;

/** A process whose stdout is read while it runs. */
function startCli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [CLI_BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  const run = { stdout: '', stderr: '', code: undefined as number | null | undefined };
  child.stdout.on('data', (d) => (run.stdout += d));
  child.stderr.on('data', (d) => (run.stderr += d));
  const exited = new Promise<CliRun>((resolve) =>
    child.on('close', (code) => {
      run.code = code;
      resolve({ code, stdout: run.stdout, stderr: run.stderr });
    }),
  );
  // SIGTERM, which exec passes on: the job's end closes the pipes this test reads.
  return { run, exited, kill: () => child.kill('SIGTERM') };
}

async function until(check: () => boolean, what: string, seen?: () => unknown): Promise<void> {
  const end = Date.now() + 40_000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; saw ${JSON.stringify(seen?.())}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Long jobs through the daemon's broker: the JS SDK, botocore and Debian's AWS CLI under `exec`, a shell
 * after `eval "$(sso-supervisor env)"`, and a session revoked mid-job that a login brings back.
 */
describe('long jobs with the daemon', () => {
  let world: World;
  let emulator: Emulator;
  let env: Record<string, string>;
  let daemon: DaemonProcess;
  let job: Awaited<ReturnType<typeof writeJobs>>;
  const outputs: string[] = [];

  beforeAll(async () => {
    world = await createWorld({
      prefix: 'long-job-',
      // Role credentials live 2 s (renewed after 1 s); SSO access tokens 6 s, refreshed under 4 s left.
      emulator: { roleCredentialTtlSeconds: 2, accessTokenTtlSeconds: 6 },
      sessions: [{ name: 'corp', profiles: ['dev'], accessTokenTtlSeconds: 6 }],
      config: CONFIG,
    });
    ({ emulator } = world);
    env = { ...world.env, ...JOB_ENV };
    job = await writeJobs(world.dir);
    daemon = new DaemonProcess({ env });
    await daemon.waitFor((entries) => entries.some((e) => e.message === 'credential broker listening'));
  });
  afterAll(async () => {
    await daemon.stop();
    await world.close();
  });

  it('the JS SDK, botocore and the AWS CLI each call for 3+ credential lifetimes under exec, never failing', async () => {
    emulator.resetCalls();
    const port = JSON.parse(await readFile(join(world.stateDir, 'server.json'), 'utf8')).port as number;
    const kinds: JobKind[] = ['js', 'botocore', 'aws-cli'];
    const runs = await Promise.all(
      kinds.map((kind) =>
        runCli(['exec', '--profile', 'dev', '--', ...job(kind, 40, 3)], env, { timeoutMs: 60_000 }),
      ),
    );
    const seen = new Set<string>();
    for (const [i, r] of runs.entries()) {
      outputs.push(r.stdout, r.stderr);
      expect({ kind: kinds[i], code: r.code, stderr: r.stderr }).toEqual({
        kind: kinds[i],
        code: 0,
        stderr: '',
      });
      const report = readJobReport(r.stdout);
      expect({ kind: kinds[i], errors: report.errors }).toEqual({ kind: kinds[i], errors: [] });
      // Three sets of 2 s credentials (renewed after 1 s): three lifetimes spanned.
      expect({ kind: kinds[i], keys: report.keys.size }).toEqual({ kind: kinds[i], keys: 3 });
      for (const key of report.keys) seen.add(key);
    }
    // One GetRoleCredentials per renewal for all three jobs: each set reached a job, but perhaps one per
    // exec's check before its job started.
    expect(emulator.calls.getRoleCredentials).toBeGreaterThanOrEqual(seen.size);
    expect(emulator.calls.getRoleCredentials).toBeLessThanOrEqual(seen.size + kinds.length);
    // They were the daemon's: every request was served on its port (its log says so per request).
    expect(daemon.entries.filter((e) => e.message === 'broker served credentials').length).toBeGreaterThan(
      12,
    );
    expect(port).toBeGreaterThan(0);
  }, 90_000);

  it('eval "$(sso-supervisor env)" sends botocore in that shell to the daemon', async () => {
    const script = `eval "$("${process.execPath}" "${CLI_BIN}" env --profile dev)" && exec ${job('botocore', 30, 2).join(' ')}`;
    const shell = await new Promise<CliRun>((resolve) => {
      const child = spawn('bash', ['-c', script], {
        env: { PATH: process.env.PATH ?? '', ...env, AWS_PROFILE: 'dev' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    outputs.push(shell.stderr);
    expect(shell).toMatchObject({ code: 0, stderr: '' });
    const report = readJobReport(shell.stdout);
    expect(report.errors).toEqual([]);
    expect(report.keys.size).toBe(2);
  }, 60_000);

  it('a session revoked mid-job: the job is told to log in, one alert; after a login it recovers, not restarted', async () => {
    // botocore: its error carries the broker's message. (The JS SDK's default chain replaces any provider's
    // error with "Could not load credentials from any providers".)
    const running = startCli(['exec', '--profile', 'dev', '--', ...job('botocore', 90)], env);
    const report = () => readJobReport(running.run.stdout);
    try {
      await until(() => report().keys.size >= 2, 'the job to get credentials');
      emulator.revokeAllRefreshTokens();
      // The access token still works for up to 6 s; then the broker cannot renew and the job is told why.
      const told = () => report().errors.filter((m) => m.includes('424'));
      await until(
        () => told().length > 0,
        'the job to see the login error',
        () => report().errors,
      );
      expect(told()[0]).toContain('run sso-supervisor login corp');
      await daemon.waitFor(() => daemon.events('session.reauth_required', 'corp').length === 1);

      const login = startCli(['login', 'corp', '--device-code'], env);
      await until(() => emulator.pendingDeviceAuthorizations().length === 1, 'the device login');
      emulator.approveDevice(emulator.pendingDeviceAuthorizations()[0].userCode);
      expect((await login.exited).code).toBe(0);
      outputs.push(login.run.stdout, login.run.stderr);

      const failedAt = report().calls.length;
      await until(
        () =>
          report()
            .calls.slice(failedAt)
            .some((c) => c.ok),
        'the job to recover',
      );
      await writeFile(join(world.dir, 'stop'), '');
      const ended = await running.exited;
      outputs.push(ended.stdout, ended.stderr);
      expect(ended.code).toBe(0);
    } finally {
      running.kill();
    }
    // Besides the login error, only timeouts: a fetch that joined the refresh finding the token revoked
    // waited longer than botocore's 2 s.
    const others = report().errors.filter((m) => !m.includes('run sso-supervisor login corp'));
    for (const message of others) expect(message).toMatch(/timeout/i);
    await daemon.waitFor(() => daemon.events('session.restored', 'corp').length === 1);
    expect(daemon.events('session.reauth_required', 'corp')).toHaveLength(1);
  }, 120_000);

  it('no secret the emulator issued in the daemon log, any output or the state folder', async () => {
    const stateFiles: string[] = [];
    for (const entry of await readdir(world.stateDir, { withFileTypes: true }))
      if (entry.isFile()) stateFiles.push(await readFile(join(world.stateDir, entry.name), 'utf8'));
    const all = [...outputs, daemon.stdout, daemon.stderr, ...stateFiles];
    expect(stateFiles.some((text) => text.includes('broker served credentials'))).toBe(true);
    expect(leakedSecrets(emulator.issuedSecrets(), all)).toEqual([]);
  });
});
