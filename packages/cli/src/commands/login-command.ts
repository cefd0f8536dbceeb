import { deviceLogin, retrySettings, type SsoSession, type Setup } from '@sso-supervisor/core';
import { EXIT, type CliIo } from '../cli-io';
import { loginReporter } from '../output/login-reporter';

const DAY_MS = 86_400_000;

export interface LoginTarget {
  /** An sso-session name, or a profile name. */
  session?: string;
  /** A profile, for legacy profiles (start URL in the profile itself). */
  profile?: string;
}

function find(sessions: SsoSession[], target: LoginTarget): SsoSession | undefined {
  if (target.profile !== undefined) return sessions.find((s) => s.profiles.includes(target.profile!));
  return (
    sessions.find((s) => s.name === target.session) ??
    sessions.find((s) => s.profiles.includes(target.session!))
  );
}

/**
 * `login SESSION` / `login --profile P`: a device-code login that writes the cache file as `aws sso login`
 * does. Any SSO session in the AWS config, supervised or not. `signal` is Ctrl-C: the old file stays.
 */
export async function loginCommand(
  ws: Setup,
  io: CliIo,
  target: LoginTarget,
  opts: { json?: boolean },
  signal?: AbortSignal,
): Promise<number> {
  if ((target.session === undefined) === (target.profile === undefined)) {
    io.stderr.write('login: give a session name or --profile PROFILE, not both\n');
    return EXIT.usage;
  }
  const { sessions } = ws;
  const session = find(sessions, target);
  if (!session) {
    const what =
      target.profile !== undefined ? `SSO profile: ${target.profile}` : `session: ${target.session}`;
    const known = sessions.map((s) => s.name ?? `--profile ${s.profiles[0]}`).join(', ') || 'none';
    io.stderr.write(`unknown ${what} (known: ${known}) in ${ws.paths.awsConfigFile}\n`);
    return EXIT.usage;
  }
  const settings = ws.supervised.find((s) => s.session.id === session.id)?.settings ?? ws.config.defaults;
  const reporter = loginReporter(io, session, Boolean(opts.json));
  const result = await deviceLogin(session, {
    signal,
    retry: retrySettings(settings),
    // A registration that would be warned about soon is renewed now, while a person is logging in anyway.
    reuseMarginMs: Math.max(DAY_MS, settings.registrationWarning),
    // The person asked for this login: it replaces whatever the file holds by the time it is approved.
    replaceChanged: true,
    onProgress: (progress) => reporter.progress(progress),
  });
  reporter.done(result);
  return result.outcome === 'logged_in' ? EXIT.ok : EXIT.failed;
}
