import type { ExclusiveLoginResult, LockHolder, LoginProgress, SsoSession } from '@sso-supervisor/core';
import qrcode from 'qrcode-terminal';
import type { CliIo } from '../cli-io';
import { painter } from './terminal-format';

export interface LoginReporter {
  /** The device code is used instead of the browser, and why. */
  deviceCode(reason: string): void;
  /** The browser sign-in page; printed as well as opened, in case the browser does not open. */
  browser(url: string): void;
  browserError(error: Error): void;
  /** Another process runs a login for this session; this one waits for it. */
  waiting(holder: LockHolder): void;
  progress(progress: LoginProgress): void;
  done(result: ExclusiveLoginResult): void;
}

type Pending = Extract<LoginProgress, { type: 'pending' }>;

function left(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** `--json`: one object per line, as things happen. The code and link, never a token. */
function jsonReporter(io: CliIo, session: SsoSession): LoginReporter {
  const line = (value: object) => io.stdout.write(`${JSON.stringify(value)}\n`);
  const who = { session: session.name };
  return {
    deviceCode: (reason) => line({ event: 'device_code', ...who, reason }),
    browser: (url) => line({ event: 'browser', ...who, url }),
    browserError: (error) => line({ event: 'browser_error', ...who, error: error.message }),
    waiting: ({ pid, hostname, since }) => line({ event: 'login_running', ...who, pid, hostname, since }),
    progress({ type, ...rest }) {
      line({ event: type, ...who, ...rest });
    },
    done({ outcome, joined, ...rest }) {
      line({ event: outcome, ...rest, ...(joined && { joinedPid: joined.pid }) });
    },
  };
}

/**
 * For a person: the page and the code; on a terminal also a QR code for a phone and a line counting down
 * the time left, redrawn in place. Piped, plain lines only.
 */
function humanReporter(io: CliIo, session: SsoSession, now: () => number): LoginReporter {
  const tty = Boolean(io.stdout.isTTY);
  const paint = painter(io.stdout, io.env);
  let timer: NodeJS.Timeout | undefined;
  const label = session.name ?? `profile ${session.profiles[0]}`;
  const wait = (pending: Pending) => {
    const end = Date.parse(pending.expiresAt);
    const draw = () =>
      io.stdout.write(`\r\u001b[2K${paint('dim', `Waiting for approval, ${left(end - now())} left`)}`);
    draw();
    timer = setInterval(draw, 1000);
  };
  return {
    deviceCode(reason) {
      io.stdout.write(`Using the device code: ${reason}.\n`);
    },
    browser(url) {
      io.stdout.write(
        `To log in ${label} (${session.startUrl}), sign in in the browser that opens now.\n` +
          `If none opens, open this page on this machine:\n\n  ${paint('bold', url)}\n\n` +
          `Waiting for the browser sign-in...\n`,
      );
    },
    browserError(error) {
      io.stderr.write(`could not open a browser (${error.message}); open the page above yourself\n`);
    },
    waiting({ pid, hostname }) {
      io.stdout.write(`A login for ${label} is running in pid ${pid} on ${hostname}; waiting for it...\n`);
    },
    progress(progress) {
      if (progress.type !== 'pending') return;
      io.stdout.write(
        `To log in ${label} (${session.startUrl}), open this page on any device:\n\n` +
          `  ${paint('bold', progress.verificationUriComplete)}\n\n` +
          `and check that it shows the code ${paint('bold', progress.userCode)}.\n`,
      );
      if (!tty) {
        io.stdout.write(`Waiting for approval until ${progress.expiresAt}...\n`);
        return;
      }
      qrcode.generate(progress.verificationUriComplete, { small: true }, (qr) =>
        io.stdout.write(`\n${qr}\n\n`),
      );
      wait(progress);
    },
    done(result) {
      if (timer) {
        clearInterval(timer);
        io.stdout.write('\r\u001b[2K');
      }
      if (result.outcome === 'logged_in') {
        const registration = result.reusedRegistration
          ? ''
          : `; new client registration until ${result.registrationExpiresAt}`;
        const joined = result.joined ? ` (by the login in pid ${result.joined.pid})` : '';
        io.stdout.write(
          `${paint('green', `Logged in: ${label}, valid until ${result.expiresAt}`)}${joined}${result.joined ? '' : registration}\n`,
        );
      } else io.stderr.write(`login ${result.outcome.replace('_', ' ')}: ${result.error}\n`);
    },
  };
}

/** How `login` tells what happens: JSON lines, or words (and on a terminal a QR code and a countdown). */
export function loginReporter(
  io: CliIo,
  session: SsoSession,
  json: boolean,
  now: () => number = Date.now,
): LoginReporter {
  return json ? jsonReporter(io, session) : humanReporter(io, session, now);
}
