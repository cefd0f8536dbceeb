import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { configVariables, installService, runCommand, uninstallService } from '@sso-supervisor/core/daemon';
import { EXIT, type CliIo } from '../cli-io';
import type { Setup } from '@sso-supervisor/core';

/**
 * The bin the service runs: beside this package's dist. This file is dist/commands/ in the workspace and
 * inside the one-file dist/main.js of the packed CLI, so the bin is two or one level up.
 */
export function cliScript(dir = __dirname): string {
  const candidates = [
    join(dir, '..', 'bin', 'sso-supervisor.js'),
    join(dir, '..', '..', 'bin', 'sso-supervisor.js'),
  ];
  return candidates.find((file) => existsSync(file)) ?? candidates[1];
}

/**
 * `install [--dry-run]`: a user service (systemd --user unit, launchd agent) that runs this very CLI with
 * this node, the same config file, state dir and AWS config as the shell that installed it.
 */
export async function installCommand(
  ws: Setup,
  io: CliIo,
  opts: { dryRun?: boolean; envFile?: string },
): Promise<number> {
  const names = ws.config.file ? configVariables(ws.config.file) : [];
  const envFile = opts.envFile === undefined ? undefined : resolve(io.cwd, opts.envFile);
  if (names.length > 0 && envFile === undefined) {
    const list = names.map((n) => '${' + n + '}').join(', ');
    io.stderr.write(
      `warning: the service will not inherit ${list} from this shell; ` +
        'run `sso-supervisor install --environment-file PATH` to write them to a 0600 file the service reads\n',
    );
  }
  const envValues = Object.fromEntries(
    names.flatMap((n) => (io.env[n] === undefined ? [] : [[n, io.env[n]]])),
  );
  const result = await installService({
    ...(envFile && { envFile, envValues }),
    platform: io.platform,
    home: io.env.HOME || homedir(),
    nodePath: process.execPath,
    cliPath: cliScript(),
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
