import { Argument, Command, Option } from 'commander';
import type { CredentialsFormat } from '@sso-supervisor/core';
import { BROKER_ENV_FORMATS, type BrokerEnvFormat } from '@sso-supervisor/core/setup';
import { EXIT, type CliIo } from './cli-io';
import { completionScript, SHELLS, type Shell } from './commands/completion-command';
import { CREDENTIALS_HELP, credentialsCommand, FORMATS } from './commands/credentials-command';
import { doctorCommand, DOCTOR_HELP } from './commands/doctor-command';
import { ENV_HELP } from './commands/env-command';
import { EXEC_HELP } from './commands/exec-command';
import type { LoginOptions } from './commands/login-command';
import type { ProfilesSyncOptions } from './commands/profiles-command';
import { tokenCommand, TOKEN_HELP } from './commands/token-command';
import { withInterruptGuard } from './interrupts';
import { withSessions, withSetup } from './with-setup';
import {
  parseCount,
  parsePort,
  parseSeconds,
  PROFILE_OPT,
  SESSION_ARG,
  sessionChoice,
} from './command-options';

// This package's own version; the bin answers a lone --version before it loads this file. A require, as the
// file is outside tsc's rootDir; esbuild inlines it into the packed bundle.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const VERSION = (require('../package.json') as { version: string }).version;

/**
 * Every command of the CLI, registered here and nowhere else; each action stores its exit code in
 * `result.code`. Command modules load on use, so `status` pays only for what it runs.
 */
export function buildProgram(io: CliIo, result: { code: number }): Command {
  const program = new Command('sso-supervisor')
    .description(
      'Keeps AWS IAM Identity Center (SSO) sessions alive and tells you when a person must log in.',
    )
    .option('-c, --config <file>', 'supervisor.yaml to use')
    .option('--utc', 'show times in UTC instead of the local zone (TZ)')
    .version(VERSION, '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    // Every human time goes through core's humanTime, which reads TZ: --utc is TZ=UTC, for this process
    // too (the daemon's event messages read it) when the io is the process's own.
    .hook('preAction', () => {
      if (!program.opts().utc) return;
      if (io.env === process.env) process.env.TZ = 'UTC';
      io.env = { ...io.env, TZ: 'UTC' };
    });

  // status, refresh, validate, init: one-shot commands over the sessions.
  sessionChoice(
    program
      .command('status')
      .description(
        'every supervised session (or the named ones): profiles, time left, state, last refresh, next check',
      ),
    true,
    'default every supervised one',
  )
    .option('--json', 'machine-readable output')
    .option('--web', "print the running daemon's status page URL")
    .action(async (names: string[], opts: { json?: boolean; web?: boolean; profile: string[] }) => {
      if (opts.web) {
        result.code = await withSetup(io, program.opts(), async (ws) =>
          (await import('./commands/open-command')).openCommand(ws, io, { open: false }),
        );
        return;
      }
      let reached = false;
      result.code = await withSessions(
        io,
        program.opts(),
        async (ws) => {
          reached = true;
          return (await import('./commands/status-command')).statusCommand(ws, io, opts, [
            ...names,
            ...opts.profile,
          ]);
        },
        opts,
      );
      if (!reached && !opts.json) await (await import('./commands/status-command')).noteConfigRefusal(io);
    });

  sessionChoice(
    program
      .command('refresh')
      .description('one refresh pass now: sessions under the threshold, or all named ones with --force'),
    true,
    'default all',
  )
    .option('--force', 'refresh even when not due')
    .option('--json', 'machine-readable output')
    .action(async (names: string[], opts: { force?: boolean; json?: boolean; profile: string[] }) => {
      result.code = await withInterruptGuard(io, () =>
        withSessions(io, program.opts(), async (ws) =>
          (await import('./commands/refresh-command')).refreshCommand(ws, io, names, opts),
        ),
      );
    });

  program
    .command('validate')
    .description('check supervisor.yaml, the AWS config and the token cache files')
    .option('--json', 'machine-readable output')
    .action(async (opts) => {
      const { notifierSchemas } = await import('./builtin-plugins');
      result.code = await withSetup(
        io,
        program.opts(),
        async (ws) => (await import('./commands/validate-command')).validateCommand(ws, io, opts),
        { notifierSchemas: notifierSchemas() },
        opts,
      );
    });

  program
    .command('init')
    .description('write a commented starter supervisor.yaml from the sessions in the AWS config')
    .option('--force', 'replace an existing file')
    .action(async (opts) => {
      result.code = await (await import('./commands/init-command')).initCommand(io, program.opts(), opts);
    });

  // login: the browser (PKCE) or the device code. Ctrl-C or SIGTERM cancels it and leaves the cache file as it was.
  sessionChoice(
    program
      .command('login')
      .description('log in through the browser (or a device code) and write the cache like aws sso login'),
    false,
    'default $AWS_PROFILE',
  )
    .option(
      '--device-code',
      "use a device code (a page and code on any device) instead of this machine's browser",
    )
    .option(
      '--redirect-port <port>',
      'browser login: the 127.0.0.1 port for the redirect (default: a free one)',
      parsePort,
    )
    .option('--json', 'machine-readable progress, one JSON object per line')
    .addOption(new Option('--browser-timeout <seconds>').argParser(parseSeconds).hideHelp())
    .addHelpText(
      'after',
      `
The browser login (authorization code with PKCE, as aws sso login does since AWS CLI 2.22) is the default
for sso-session profiles: it listens on 127.0.0.1, opens $BROWSER (else open / xdg-open) and prints the
page too. The device code is used with --device-code, for legacy profiles, over SSH (SSH_CONNECTION or
SSH_TTY) and on Linux without a display (DISPLAY and WAYLAND_DISPLAY unset). A second login for the same
session waits for the first and reports how it ended.

Exit codes: 0 logged in; 1 refused, expired, cancelled or failed; 2 usage error.
`,
    )
    .action(async (session: string | undefined, opts: LoginOptions & { profile?: string }) => {
      const controller = new AbortController();
      const cancel = () => controller.abort();
      process.once('SIGINT', cancel);
      process.once('SIGTERM', cancel);
      try {
        result.code = await withSessions(io, program.opts(), async (ws) =>
          (await import('./commands/login-command')).loginCommand(
            ws,
            io,
            { session, profile: opts.profile },
            opts,
            controller.signal,
          ),
        );
      } finally {
        process.off('SIGINT', cancel);
        process.off('SIGTERM', cancel);
      }
    });

  // migrate, profiles sync: rewrites of the AWS config, each shown as a diff first, with a backup.
  program
    .command('migrate')
    .description(
      'rewrite legacy SSO profiles to an [sso-session] with a refresh token (a diff first, a backup)',
    )
    .option('--dry-run', 'show the diff and change nothing')
    .action(async (opts: { dryRun?: boolean }) => {
      result.code = await withSetup(io, program.opts(), async (ws) =>
        (await import('./commands/migrate-command')).migrateCommand(ws, io, opts),
      );
    });

  program
    .command('profiles')
    .description('AWS config profiles generated from the SSO portal')
    .command('sync')
    .description('write a [profile] for every account and role of a session, in a block this tool owns')
    .argument('[session]', 'sso-session name (default: the only one)')
    .option('--template <template>', 'profile names: {account_name} {account_id} {role_name} {session}')
    .option('--region <region>', 'a region setting for every generated profile')
    .option('--dry-run', 'show the diff and change nothing')
    .action(async (name: string | undefined, opts: ProfilesSyncOptions) => {
      result.code = await withSetup(io, program.opts(), async (ws) =>
        (await import('./commands/profiles-command')).profilesSyncCommand(ws, io, name, opts),
      );
    });

  // run, demo, logs, notify, install, uninstall: the daemon and what surrounds it.
  program
    .command('run')
    .description(
      'the daemon, in the foreground: keeps every session fresh; SIGHUP or a config change reloads',
    )
    .option('--duration <seconds>', 'stop by itself after this many seconds', parseSeconds)
    .action(async (opts: { duration?: number }) => {
      // Before the daemon's modules load: see young-generation.ts.
      (await import('./young-generation')).keepYoungGenerationSmall(io.env);
      const { runCommand } = await import('./commands/run-command');
      result.code = await runCommand(io, program.opts(), { durationMs: opts.duration });
    });

  program
    .command('demo')
    .description(
      'the daemon against the embedded AWS SSO emulator in a throw-away home; no AWS account needed',
    )
    .option('--duration <seconds>', 'stop by itself after this many seconds', parseSeconds)
    .action(async (opts: { duration?: number }) => {
      const { demoCommand } = await import('./commands/demo-command');
      result.code = await demoCommand(io, { durationMs: opts.duration });
    });

  program
    .command('open')
    .description("open the running daemon's status page in the browser (and print its URL)")
    .action(async () => {
      result.code = await withSetup(io, program.opts(), async (ws) =>
        (await import('./commands/open-command')).openCommand(ws, io, { open: true }),
      );
    });

  program
    .command('logs')
    .description("the daemon's log, in local time (JSON lines with --json)")
    .option('-f, --follow', 'keep printing new lines')
    .option('-n, --lines <n>', 'how many lines from the end, rotated files included', parseCount, 50)
    .option('--json', "the log file's own JSON lines")
    .action(async (opts: { follow?: boolean; lines: number; json?: boolean }) => {
      result.code = await withSetup(io, program.opts(), async (ws) =>
        (await import('./commands/logs-command')).logsCommand(ws, io, opts),
      );
    });

  program
    .command('notify')
    .description('notifier tools')
    .command('test')
    .description(
      'send a sample event through the configured notifiers; prints delivered or the error for each',
    )
    .option('--notifier <name...>', 'only these notifiers')
    .action(async (opts: { notifier?: string[] }) => {
      const { notifierSchemas } = await import('./builtin-plugins');
      result.code = await withSetup(
        io,
        program.opts(),
        async (ws) => (await import('./commands/notify-command')).notifyTestCommand(ws, io, opts),
        { notifierSchemas: notifierSchemas() },
      );
    });

  program
    .command('install')
    .description(
      'install the daemon as a user service (systemd --user on Linux, launchd on macOS) and start it',
    )
    .option('--dry-run', 'print the service file and the commands; change nothing')
    .option(
      '--environment-file <path>',
      "write the config's ${...} variables from this shell to this 0600 file, which the service reads",
    )
    .action(async (opts: { dryRun?: boolean; environmentFile?: string }) => {
      // Not `--env-file`: Node 20 takes that flag for itself wherever it appears on the command line.
      const options = { dryRun: opts.dryRun, envFile: opts.environmentFile };
      result.code = await withSetup(io, program.opts(), async (ws) =>
        (await import('./commands/service-command')).installCommand(ws, io, options),
      );
    });

  program
    .command('uninstall')
    .description('stop the user service and remove its file')
    .option('--dry-run', 'print what it would do; change nothing')
    .action(async (opts: { dryRun?: boolean }) => {
      result.code = await (await import('./commands/service-command')).uninstallCommand(io, opts);
    });

  program
    .command('credentials')
    .description('role credentials for an SSO profile from its cached token (credential_process compatible)')
    .option(PROFILE_OPT, 'the SSO profile (its sso_account_id and sso_role_name); default $AWS_PROFILE')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('process'))
    .addHelpText('after', CREDENTIALS_HELP)
    .action(async (opts: { profile?: string; format: CredentialsFormat }) => {
      result.code = await withInterruptGuard(io, () =>
        withSessions(io, program.opts(), (ws) => credentialsCommand(ws, io, opts)),
      );
    });

  program
    .command('exec')
    .description("run a command with self-renewing role credentials from the daemon's credential broker")
    .argument('<command...>', 'the command and its arguments, after --')
    .option(PROFILE_OPT, 'the SSO profile whose role credentials COMMAND gets; default $AWS_PROFILE')
    .option('--static', 'plain AWS_ACCESS_KEY_ID/SECRET/SESSION_TOKEN instead (not renewed)')
    .addHelpText('after', EXEC_HELP)
    .action(async (argv: string[], opts: { profile?: string; static?: boolean }) => {
      result.code = await withSessions(io, program.opts(), async (ws) =>
        (await import('./commands/exec-command')).execCommand(ws, io, opts, argv),
      );
    });

  program
    .command('env')
    .description("the variables that send a shell's AWS SDKs and CLI to the daemon's credential broker")
    .option(PROFILE_OPT, 'the SSO profile; default $AWS_PROFILE')
    .addOption(new Option('--format <format>', 'output format').choices(BROKER_ENV_FORMATS).default('sh'))
    .addHelpText('after', ENV_HELP)
    .action(async (opts: { profile?: string; format: BrokerEnvFormat }) => {
      result.code = await withSessions(io, program.opts(), async (ws) =>
        (await import('./commands/env-command')).envCommand(ws, io, opts),
      );
    });

  sessionChoice(
    program
      .command('token')
      .description(
        'a fresh SSO access token on stdout and nothing else (refuses a terminal without --force)',
      ),
    false,
    'default $AWS_PROFILE',
  )
    .option('--force', 'print even when stdout is a terminal')
    .addHelpText('after', TOKEN_HELP)
    .action(async (session: string | undefined, opts: { force?: boolean; profile?: string }) => {
      if (io.stdout.isTTY && !opts.force) {
        io.stderr.write(
          'error: refusing to print an SSO access token to a terminal (screen shares, scrollback); pipe it, or pass --force\n',
        );
        result.code = EXIT.usage;
        return;
      }
      result.code = await withInterruptGuard(io, () =>
        withSessions(io, program.opts(), (ws) => tokenCommand(ws, io, { session, profile: opts.profile })),
      );
    });

  program
    .command('doctor')
    .description('diagnose config, token cache, clock, environment credentials and reachability, with fixes')
    .argument('[session]', `${SESSION_ARG}; check only that one`)
    .option(PROFILE_OPT, 'check this SSO profile and its role credentials (default $AWS_PROFILE)')
    .option('--json', 'machine-readable output')
    .addHelpText('after', DOCTOR_HELP)
    .action(async (session: string | undefined, opts: { profile?: string; json?: boolean }) => {
      if (session !== undefined && opts.profile !== undefined) {
        io.stderr.write('error: give a session name or --profile PROFILE, not both\n');
        result.code = EXIT.usage;
        return;
      }
      result.code = await doctorCommand(io, program.opts(), { ...opts, session });
    });
  program
    .command('completion')
    .description('a completion script for bash, zsh or fish, built from these commands and options')
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
    .addHelpText(
      'after',
      `
Load it in the shell's start-up file:
  bash  eval "$(sso-supervisor completion bash)"      (~/.bashrc)
  zsh   eval "$(sso-supervisor completion zsh)"       (~/.zshrc, after compinit)
  fish  sso-supervisor completion fish | source       (~/.config/fish/config.fish)
`,
    )
    .action((shell: Shell) => {
      io.stdout.write(completionScript(program, shell));
      result.code = EXIT.ok;
    });
  return program;
}
