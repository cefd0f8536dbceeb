import { formatIssue, loadSetup, type Setup, type SetupOptions } from '@sso-supervisor/core/setup';
import type { ConfigIssue } from '@sso-supervisor/core/setup';
import { EXIT, type CliIo } from './cli-io';

/** A setup a command can run on, or the issues that say why not: config errors, then its warnings. */
export type SetupIssues = { setup: Setup } | { errors: ConfigIssue[]; warnings: ConfigIssue[] };

/** A setup a command can run on, or the lines that say why not: config errors, then its warnings. */
export type CommandSetup = { setup: Setup } | { errors: string[]; warnings: string[] };

/**
 * core's loadSetup with this process's io. A session supervisor.yaml lists that the AWS config lacks is
 * an error here, as in `validate`. Notifier options are checked only when `notifierSchemas` is given:
 * `status` does not load the plugins.
 */
export async function loadSetupIssues(
  io: CliIo,
  flags: { config?: string },
  notifierSchemas?: SetupOptions['notifierSchemas'],
): Promise<SetupIssues> {
  const loaded = await loadSetup({
    config: flags.config,
    env: io.env,
    cwd: io.cwd,
    platform: io.platform,
    notifierSchemas,
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
  notifierSchemas?: SetupOptions['notifierSchemas'],
): Promise<CommandSetup> {
  const loaded = await loadSetupIssues(io, flags, notifierSchemas);
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
  notifierSchemas?: SetupOptions['notifierSchemas'],
  output: { json?: boolean } = {},
): Promise<number> {
  const loaded = await loadSetupIssues(io, flags, notifierSchemas);
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
