import {
  formatFinding,
  formatIssue,
  loadSetup,
  resolveSsoProfile,
  type ConfigIssue,
  type Setup,
  type SetupOptions,
  type SsoProfile,
} from '@sso-supervisor/core/setup';
import { EXIT, type CliIo } from './cli-io';

/** A setup a command can run on, or the issues that say why not: config errors, then its warnings. */
export type SetupIssues = { setup: Setup } | { errors: ConfigIssue[]; warnings: ConfigIssue[] };

/** A setup a command can run on, or the lines that say why not: config errors, then its warnings. */
export type CommandSetup = { setup: Setup } | { errors: string[]; warnings: string[] };

/**
 * What a command reads of supervisor.yaml: `notifierSchemas` checks notifier options (`status` loads no
 * plugin); `sessionsOnly` reads only the session parts, for the commands other programs call
 * (credentials, token) and those that serve one session (login, status, refresh).
 */
export type SetupNeeds = Pick<SetupOptions, 'notifierSchemas' | 'sessionsOnly'>;

/** For the commands that serve sessions and never notify or export. */
export const SESSIONS_ONLY: SetupNeeds = { sessionsOnly: true };

/**
 * core's loadSetup with this process's io. A session supervisor.yaml lists that the AWS config lacks is
 * an error here, as in `validate`.
 */
export async function loadSetupIssues(
  io: CliIo,
  flags: { config?: string },
  needs: SetupNeeds = {},
): Promise<SetupIssues> {
  const loaded = await loadSetup({
    config: flags.config,
    env: io.env,
    cwd: io.cwd,
    platform: io.platform,
    ...needs,
  });
  if ('errors' in loaded) return loaded;
  const { setup } = loaded;
  if (setup.unmatched.length) return { errors: setup.unmatched, warnings: setup.warnings };
  return { setup };
}

/** loadSetupIssues with its issues as `FILE:LINE:COL path: message` lines. */
export async function loadCommandSetup(
  io: CliIo,
  flags: { config?: string },
  needs: SetupNeeds = {},
): Promise<CommandSetup> {
  const loaded = await loadSetupIssues(io, flags, needs);
  if ('setup' in loaded) return loaded;
  return { errors: loaded.errors.map(formatIssue), warnings: loaded.warnings.map(formatIssue) };
}

/**
 * Loads the setup for a command; config errors become exit 2, printed on stderr, or with `json` as the one
 * JSON object the command promised on stdout: `{ok: false, errors: [{file, line, col, path, message}], warnings}`.
 */
export async function withSetup(
  io: CliIo,
  flags: { config?: string },
  command: (setup: Setup) => Promise<number>,
  needs: SetupNeeds = {},
  output: { json?: boolean } = {},
): Promise<number> {
  const loaded = await loadSetupIssues(io, flags, needs);
  if ('setup' in loaded) return command(loaded.setup);
  if (output.json) {
    const { errors, warnings } = loaded;
    io.stdout.write(`${JSON.stringify({ ok: false, errors, warnings }, null, 2)}\n`);
  } else {
    for (const issue of loaded.errors) io.stderr.write(`error: ${formatIssue(issue)}\n`);
    for (const issue of loaded.warnings) io.stderr.write(`warning: ${formatIssue(issue)}\n`);
  }
  return EXIT.usage;
}

/**
 * withSetup for the commands that act on sessions (they read only the session parts of supervisor.yaml, so a
 * notifier's unset variable cannot fail credential_process): an AWS config that is missing, unreadable, a folder or
 * unparseable is a config error (exit 2) naming the file, not an empty list of sessions.
 */
export function withSessions(
  io: CliIo,
  flags: { config?: string },
  command: (setup: Setup) => Promise<number>,
  output: { json?: boolean } = {},
): Promise<number> {
  return withSetup(
    io,
    flags,
    async (setup) => {
      const broken = setup.findings.filter((f) => f.whole);
      if (!broken.length) return command(setup);
      if (output.json) {
        const errors = broken.map((f) => ({ file: f.file, path: '', message: f.message }));
        io.stdout.write(`${JSON.stringify({ ok: false, errors, warnings: [] }, null, 2)}\n`);
      } else for (const f of broken) io.stderr.write(`error: ${formatFinding(f)}\n`);
      return EXIT.usage;
    },
    SESSIONS_ONLY,
    output,
  );
}

/**
 * The SSO profile a credentials command acts on: `--profile`, else $AWS_PROFILE (an empty one is unset, as
 * the AWS CLI treats it). On failure the message is on stderr and the usage exit code is returned.
 */
export function chooseProfile(
  ws: Setup,
  io: CliIo,
  given: string | undefined,
): { name: string; profile: SsoProfile } | number {
  const name = given ?? (io.env.AWS_PROFILE || undefined);
  if (name === undefined) {
    io.stderr.write('error: no profile given: pass --profile PROFILE or set AWS_PROFILE\n');
    return EXIT.usage;
  }
  const found = resolveSsoProfile(ws, name);
  if ('failure' in found) {
    io.stderr.write(`error: ${found.failure.message}\n`);
    return EXIT.usage;
  }
  return { name, profile: found.profile };
}
