import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname } from 'node:path';
import { formatFinding, loadSessions, resolvePaths } from '@sso-supervisor/core';
import { findConfigFile, userConfigFile } from '@sso-supervisor/core/setup';
import { starterConfig } from '@sso-supervisor/core/daemon';
import { EXIT, type CliIo } from '../cli-io';

/**
 * `init`: a commented starter supervisor.yaml listing the sessions the AWS config holds. Written where every
 * command looks: `--config`, else $SSO_SUPERVISOR_CONFIG, else the user-level file; never over an existing
 * file without --force.
 */
export async function initCommand(
  io: CliIo,
  flags: { config?: string },
  opts: { force?: boolean },
): Promise<number> {
  const home = io.env.HOME || homedir();
  const target =
    findConfigFile({ flag: flags.config, env: io.env, cwd: io.cwd, home, exists: () => true }) ??
    userConfigFile(io.env, home);
  if (existsSync(target) && !opts.force) {
    io.stderr.write(`${target} exists; use --force to replace it\n`);
    return EXIT.failed;
  }
  const paths = resolvePaths({ env: io.env, home, platform: io.platform, cwd: io.cwd });
  const { sessions, findings } = await loadSessions(paths.awsConfigFile, paths.cacheDir);
  for (const f of findings) io.stderr.write(`warning: ${formatFinding(f)}\n`);
  await mkdir(dirname(target), { recursive: true });
  // 0600: the file may come to hold webhook URLs and SMTP passwords.
  await writeFile(target, starterConfig(sessions), { mode: 0o600 });
  io.stdout.write(`wrote ${target} with ${sessions.length} session(s) from ${paths.awsConfigFile}\n`);
  return EXIT.ok;
}
