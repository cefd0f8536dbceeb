import { readFile } from 'node:fs/promises';
import type { Setup } from '@sso-supervisor/core';
import { EXIT, type CliIo } from '../cli-io';

export interface ProfilesSyncOptions {
  template?: string;
  region?: string;
  dryRun?: boolean;
}

/**
 * `profiles sync [SESSION]`: a `[profile]` for every account and role the session may use, listed through
 * the SSO portal with a token from the one refresh path, written into a block this tool owns. Running it
 * again changes nothing; profiles the user wrote are never touched. Template mistakes: exit 2, nothing
 * written.
 */
export async function profilesSyncCommand(
  ws: Setup,
  io: CliIo,
  name: string | undefined,
  opts: ProfilesSyncOptions,
): Promise<number> {
  const core = await import('@sso-supervisor/core');
  const named = ws.sessions.filter((s) => s.name !== null);
  const session =
    name === undefined ? (named.length === 1 ? named[0] : undefined) : named.find((s) => s.name === name);
  if (!session) {
    const known = named.map((s) => s.name).join(', ') || 'none';
    const what = name === undefined ? 'give the sso-session to sync' : `unknown sso-session: ${name}`;
    io.stderr.write(`profiles sync: ${what} (sso-sessions in ${ws.paths.awsConfigFile}: ${known})\n`);
    return EXIT.usage;
  }
  const settings = ws.settingsFor(session);
  const token = await core.obtainSessionToken(session, {
    thresholdMs: settings.threshold,
    retry: core.retrySettings(settings),
  });
  if (!token.ok) {
    io.stderr.write(`profiles sync: ${token.failure.message}\n`);
    return EXIT.failed;
  }
  let roles;
  try {
    roles = await core.listAccountRoles(token.accessToken, session.region);
  } catch (error) {
    const { name: kind, message } = error as Error;
    io.stderr.write(`profiles sync: the SSO portal did not list the accounts (${kind}: ${message})\n`);
    return EXIT.failed;
  }
  const file = ws.paths.awsConfigFile;
  const source = await readFile(file, 'utf8');
  const sync = core.syncProfiles(source, {
    session: session.name!,
    accountRoles: roles,
    template: opts.template,
    region: opts.region,
    file,
  });
  if (sync.errors.length) {
    for (const error of sync.errors) io.stderr.write(`profiles sync: ${error}\n`);
    io.stderr.write('nothing was written\n');
    return EXIT.usage;
  }
  for (const { profile, reason } of sync.skipped) io.stderr.write(`skipped profile ${profile}: ${reason}\n`);
  const count = `${sync.profiles.length} profile(s) for ${roles.length} role(s) of sso-session ${session.name}`;
  if (!sync.changed) {
    io.stdout.write(`up to date: ${count} in ${file}\n`);
    return EXIT.ok;
  }
  io.stdout.write(sync.preview.endsWith('\n') ? sync.preview : `${sync.preview}\n`);
  if (opts.dryRun) {
    io.stdout.write('dry run: nothing was written\n');
    return EXIT.ok;
  }
  try {
    const { backup } = await core.writeConfigFile(file, sync.text, source);
    io.stdout.write(`wrote ${count} to ${file}; backup: ${backup}\n`);
  } catch (error) {
    if (!(error instanceof core.ConfigWriteRefused)) throw error;
    io.stderr.write(`profiles sync: ${error.message}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}
