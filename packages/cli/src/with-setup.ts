import { formatIssue, loadSetup, type Setup, type SetupOptions } from '@sso-supervisor/core/setup';
import { EXIT, type CliIo } from './cli-io';

/** A setup a command can run on, or the lines that say why not: config errors, then its warnings. */
export type CommandSetup = { setup: Setup } | { errors: string[]; warnings: string[] };

/**
 * core's loadSetup with this process's io. A session supervisor.yaml lists that the AWS config lacks is
 * an error here, as in `validate`. Notifier options are checked only when `notifierSchemas` is given:
 * `status` does not load the plugins.
 */
export async function loadCommandSetup(
  io: CliIo,
  flags: { config?: string },
  notifierSchemas?: SetupOptions['notifierSchemas'],
): Promise<CommandSetup> {
  const loaded = await loadSetup({
    config: flags.config,
    env: io.env,
    cwd: io.cwd,
    platform: io.platform,
    notifierSchemas,
  });
  if ('errors' in loaded) {
    return { errors: loaded.errors.map(formatIssue), warnings: loaded.warnings.map(formatIssue) };
  }
  const { setup } = loaded;
  if (setup.unmatched.length) {
    return { errors: setup.unmatched.map(formatIssue), warnings: setup.warnings.map(formatIssue) };
  }
  return { setup };
}

/** Loads the setup for a command; config errors are printed and become exit 2. */
export async function withSetup(
  io: CliIo,
  flags: { config?: string },
  command: (setup: Setup) => Promise<number>,
  notifierSchemas?: SetupOptions['notifierSchemas'],
): Promise<number> {
  const loaded = await loadCommandSetup(io, flags, notifierSchemas);
  if ('errors' in loaded) {
    for (const line of loaded.errors) io.stderr.write(`error: ${line}\n`);
    for (const line of loaded.warnings) io.stderr.write(`warning: ${line}\n`);
    return EXIT.usage;
  }
  return command(loaded.setup);
}
