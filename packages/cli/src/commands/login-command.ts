import {
  browserLogin,
  configuredScopes,
  chooseSession,
  chooseLoginFlow,
  deviceLogin,
  exclusiveLogin,
  retrySettings,
  type Setup,
} from '@sso-supervisor/core';
import { EXIT, type CliIo } from '../cli-io';
import { loginReporter } from '../output/login-reporter';

const DAY_MS = 86_400_000;
/** As long as the AWS CLI waits for the browser; a device code lasts about as long. */
const LOGIN_WAIT_MS = 10 * 60_000;

export interface LoginOptions {
  json?: boolean;
  deviceCode?: boolean;
  redirectPort?: number;
  /** Hidden: how long the browser sign-in may take (tests). */
  browserTimeout?: number;
}

export interface LoginTarget {
  /** An sso-session name, or a profile name. */
  session?: string;
  /** A profile, for legacy profiles (start URL in the profile itself). */
  profile?: string;
}

/**
 * `login [SESSION | --profile P]` (default $AWS_PROFILE): a browser login (PKCE) or a device-code login, chosen as
 * chooseLoginFlow says, that writes the cache file as `aws sso login` does. Any SSO session in the AWS
 * config, supervised or not; one login per session at a time across processes. `signal` is Ctrl-C: the
 * old file stays.
 */
export async function loginCommand(
  ws: Setup,
  io: CliIo,
  target: LoginTarget,
  opts: LoginOptions,
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
  const choice = chooseLoginFlow(session, {
    deviceCode: opts.deviceCode,
    env: io.env,
    platform: io.platform,
  });
  if (choice.flow === 'device-code' && opts.redirectPort !== undefined) {
    io.stderr.write(
      `login: --redirect-port is for the browser login, and the device code is used: ${choice.reason}\n`,
    );
    return EXIT.usage;
  }
  const retry = retrySettings(settings);
  const login = () => {
    if (choice.flow === 'browser') {
      return browserLogin(session, {
        cacheDir: ws.paths.cacheDir,
        configuredScopes: configuredScopes(ws.awsConfig, session),
        redirectPort: opts.redirectPort,
        timeoutMs: opts.browserTimeout,
        signal,
        retry,
        onAuthorizeUrl: (url) => reporter.browser(url),
        onBrowserError: (error) => reporter.browserError(error),
      });
    }
    reporter.deviceCode(choice.reason!);
    return deviceLogin(session, {
      signal,
      retry,
      // A registration that would be warned about soon is renewed now, while a person is logging in anyway.
      reuseMarginMs: Math.max(DAY_MS, settings.registrationWarning),
      // The person asked for this login: it replaces whatever the file holds by the time it is approved.
      replaceChanged: true,
      onProgress: (progress) => reporter.progress(progress),
    });
  };
  const result = await exclusiveLogin(session, login, {
    stateDir: ws.paths.stateDir,
    waitMs: (opts.browserTimeout ?? LOGIN_WAIT_MS) + 30_000,
    onWait: (holder) => reporter.waiting(holder),
    signal,
  });
  reporter.done(result);
  return result.outcome === 'logged_in' ? EXIT.ok : EXIT.failed;
}
