import { chooseSession, deviceLogin, retrySettings, type Setup } from '@sso-supervisor/core';
import { EXIT, type CliIo } from '../cli-io';
import { loginReporter } from '../output/login-reporter';

const DAY_MS = 86_400_000;

export interface LoginTarget {
  /** An sso-session name, or a profile name. */
  session?: string;
  /** A profile, for legacy profiles (start URL in the profile itself). */
  profile?: string;
}

/**
 * `login [SESSION | --profile P]` (default $AWS_PROFILE): a device-code login that writes the cache file as `aws sso login`
 * does. Any SSO session in the AWS config, supervised or not. `signal` is Ctrl-C: the old file stays.
 */
export async function loginCommand(
  ws: Setup,
  io: CliIo,
  target: LoginTarget,
  opts: { json?: boolean },
  signal?: AbortSignal,
): Promise<number> {
  const chosen = chooseSession(ws, target, io.env);
  if ('failure' in chosen) {
    io.stderr.write(`error: ${chosen.failure}\n`);
    return EXIT.usage;
  }
  const { session } = chosen;
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
