import type { LoginProgress, LoginResult, SsoSession } from '@sso-supervisor/core';
import qrcode from 'qrcode-terminal';
import type { CliIo } from '../cli-io';
import { painter } from './terminal-format';

export interface LoginReporter {
  progress(progress: LoginProgress): void;
  done(result: LoginResult): void;
}

type Pending = Extract<LoginProgress, { type: 'pending' }>;

function left(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** `--json`: one object per line, as things happen. The code and link, never a token. */
function jsonReporter(io: CliIo, session: SsoSession): LoginReporter {
  const line = (value: object) => io.stdout.write(`${JSON.stringify(value)}\n`);
  return {
    progress({ type, ...rest }) {
      line({ event: type, session: session.name, ...rest });
    },
    done({ outcome, ...rest }) {
      line({ event: outcome, ...rest });
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
        io.stdout.write(
          `${paint('green', `Logged in: ${label}, valid until ${result.expiresAt}`)}${registration}\n`,
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
