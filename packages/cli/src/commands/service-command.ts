import { homedir } from 'node:os';
import { join } from 'node:path';
import { installService, runCommand, uninstallService } from '@sso-supervisor/core/daemon';
import { EXIT, type CliIo } from '../cli-io';
import type { Setup } from '@sso-supervisor/core';

const CLI_SCRIPT = join(__dirname, '..', '..', 'bin', 'sso-supervisor.js');

/**
 * `install [--dry-run]`: a user service (systemd --user unit, launchd agent) that runs this very CLI with
 * this node, the same config file, state dir and AWS config as the shell that installed it.
 */
export async function installCommand(ws: Setup, io: CliIo, opts: { dryRun?: boolean }): Promise<number> {
  const result = await installService({
    platform: io.platform,
    home: io.env.HOME || homedir(),
    nodePath: process.execPath,
    cliPath: CLI_SCRIPT,
    configFile: ws.config.file ?? undefined,
    stateDir: ws.paths.stateDir,
    environment: io.env.AWS_CONFIG_FILE ? { AWS_CONFIG_FILE: ws.paths.awsConfigFile } : undefined,
    dryRun: Boolean(opts.dryRun),
    run: runCommand,
  });
  for (const line of result.lines) (result.ok ? io.stdout : io.stderr).write(`${line}\n`);
  return result.ok ? EXIT.ok : EXIT.failed;
}

/** `uninstall`: stops the user service and removes its file. */
export async function uninstallCommand(io: CliIo, opts: { dryRun?: boolean }): Promise<number> {
  const result = await uninstallService({
    platform: io.platform,
    home: io.env.HOME || homedir(),
    dryRun: Boolean(opts.dryRun),
    run: runCommand,
  });
  for (const line of result.lines) (result.ok ? io.stdout : io.stderr).write(`${line}\n`);
  return result.ok ? EXIT.ok : EXIT.failed;
}
