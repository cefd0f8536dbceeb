import type { DoctorCheck } from '@sso-supervisor/core';
import { EXIT, type CliIo } from '../cli-io';

export const DOCTOR_HELP = `
Checks, each with a pass, warn or fail line and the fix: supervisor.yaml and the AWS config parse and
the profile's SSO settings are complete; each token cache file exists, is valid, is 0600, and how long
is left; the client registration's expiry; whether the daemon runs; environment credentials that shadow
SSO; the SSO OIDC and portal endpoints answer; the clock agrees with them; and, with a profile (--profile
or AWS_PROFILE), that its role credentials can be obtained (which may refresh a due token). A SESSION
(an sso-session or profile name) checks only that session.

Exit codes: 0 nothing failed (warnings allowed); 1 a check failed; 2 a session and --profile together.
`;

const LABEL = { pass: 'pass', warn: 'warn', fail: 'FAIL' } as const;
const COLOUR = { pass: 'green', warn: 'yellow', fail: 'red' } as const;

/** `doctor [SESSION | --profile P] [--json]`: diagnose config, cache, clock, environment and reachability. */
export async function doctorCommand(
  io: CliIo,
  flags: { config?: string },
  opts: { session?: string; profile?: string; json?: boolean },
): Promise<number> {
  const [{ homedir }, core, { loadCommandSetup }, { painter }] = await Promise.all([
    import('node:os'),
    import('@sso-supervisor/core'),
    import('../with-setup'),
    import('../output/terminal-format'),
  ]);
  const loaded = await loadCommandSetup(io, flags);
  const ws = 'setup' in loaded ? loaded.setup : undefined;
  const home = io.env.HOME || homedir();
  const checks = await core.runDoctor({
    config: ws?.config ?? core.defaultConfig(),
    configErrors: 'errors' in loaded ? loaded.errors : [],
    configWarnings: 'errors' in loaded ? loaded.warnings : ws!.warnings.map(core.formatIssue),
    paths: ws?.paths ?? core.resolvePaths({ env: io.env, home, platform: io.platform, cwd: io.cwd }),
    refusalDir: core.refusalDir(io),
    setup: ws,
    env: io.env,
    platform: io.platform,
    session: opts.session,
    profile: opts.profile,
  });
  const failed = checks.some((c) => c.status === 'fail');
  if (opts.json) {
    io.stdout.write(`${JSON.stringify({ ok: !failed, checks }, null, 2)}\n`);
  } else {
    const paint = painter(io.stdout, io.env);
    const line = (c: DoctorCheck) =>
      `${paint(COLOUR[c.status], LABEL[c.status])}  ${c.title}: ${c.detail}\n${c.fix ? `      fix: ${c.fix}\n` : ''}`;
    const count = (s: DoctorCheck['status']) => checks.filter((c) => c.status === s).length;
    io.stdout.write(checks.map(line).join(''));
    io.stdout.write(`${count('fail')} failed, ${count('warn')} warning(s), ${count('pass')} passed\n`);
  }
  return failed ? EXIT.failed : EXIT.ok;
}
