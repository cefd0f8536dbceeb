import { readFile } from 'node:fs/promises';
import type { Setup } from '@sso-supervisor/core';
import { EXIT, type CliIo } from '../cli-io';

/**
 * `migrate [--dry-run]`: legacy SSO profiles (start URL in the profile: no refresh token, a fixed 8 hours
 * then a browser, aws/aws-cli#8305) rewritten to an `[sso-session]` plus `sso_session =` references. The
 * diff is shown first; the write keeps every other byte, leaves a backup beside the config, and refuses a
 * read-only config or one that changed meanwhile (writeConfigFile decides).
 */
export async function migrateCommand(ws: Setup, io: CliIo, opts: { dryRun?: boolean }): Promise<number> {
  const core = await import('@sso-supervisor/core');
  const file = ws.paths.awsConfigFile;
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    io.stderr.write(`migrate: cannot read ${file} (${(error as NodeJS.ErrnoException).code})\n`);
    return EXIT.usage;
  }
  const migration = core.migrateLegacyProfiles(source, file);
  for (const { profile, reason } of migration.skipped)
    io.stderr.write(`skipped profile ${profile}: ${reason}\n`);
  if (!migration.changed) {
    io.stdout.write(`no legacy SSO profiles to migrate in ${file}\n`);
    return EXIT.ok;
  }
  io.stdout.write(migration.preview.endsWith('\n') ? migration.preview : `${migration.preview}\n`);
  if (opts.dryRun) {
    io.stdout.write('dry run: nothing was written\n');
    return EXIT.ok;
  }
  let written;
  try {
    written = await core.writeConfigFile(file, migration.text, source);
  } catch (error) {
    if (!(error instanceof core.ConfigWriteRefused)) throw error;
    io.stderr.write(`migrate: ${error.message}\n`);
    return EXIT.failed;
  }
  const names = migration.sessions.map((s) => s.name);
  io.stdout.write(
    `migrated ${migration.sessions.reduce((n, s) => n + s.profiles.length, 0)} profile(s) to sso-session ${names.join(', ')}; ` +
      `backup: ${written.backup}\n` +
      `log in once more to get a refresh token: ${names.map((n) => `sso-supervisor login ${n}`).join('; ')}\n`,
  );
  return EXIT.ok;
}
