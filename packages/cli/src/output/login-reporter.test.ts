import type { SsoSession } from '@sso-supervisor/core';
import type { CliIo } from '../cli-io';
import { loginReporter } from './login-reporter';

const session: SsoSession = {
  id: 'corp',
  name: 'corp',
  startUrl: 'https://d-123.awsapps.com/start',
  region: 'us-east-1',
  registrationScopes: ['sso:account:access'],
  profiles: ['dev'],
  cacheFile: '/c/corp.json',
  loginCommand: 'aws sso login --sso-session corp',
};
const T0 = Date.parse('2026-11-22T09:00:00Z');
const pending = {
  type: 'pending' as const,
  verificationUri: 'https://device.sso.us-east-1.amazonaws.com/',
  verificationUriComplete: 'https://device.sso.us-east-1.amazonaws.com/?user_code=BCDF-GHJK',
  userCode: 'BCDF-GHJK',
  expiresAt: '2026-11-22T09:10:00Z',
  intervalSeconds: 5,
};
const loggedIn = {
  session: 'corp',
  id: 'corp',
  outcome: 'logged_in' as const,
  expiresAt: '2026-11-22T10:00:00Z',
  registrationExpiresAt: '2027-02-20T09:00:00Z',
  reusedRegistration: true,
};

function fakeIo(isTTY: boolean) {
  const out = { stdout: '', stderr: '' };
  const stream = (key: 'stdout' | 'stderr') =>
    ({ isTTY, write: (s: string) => ((out[key] += s), true) }) as unknown as CliIo['stdout'];
  const io: CliIo = {
    stdout: stream('stdout'),
    stderr: stream('stderr'),
    // The wording is under test here, not the colour a fake terminal would get.
    env: { NO_COLOR: '1' },
    cwd: '/',
    platform: 'linux',
  };
  return { io, out };
}

/** What a terminal shows on the line redrawn last: the text after the last carriage return and erase. */
const redrawn = (text: string) => text.split('\r\u001b[2K').at(-1);

describe(loginReporter.name, () => {
  afterEach(() => jest.useRealTimers());

  it('on a terminal: the page, the code, a QR code, and a countdown redrawn each second', () => {
    jest.useFakeTimers();
    let now = T0;
    const { io, out } = fakeIo(true);
    const reporter = loginReporter(io, session, false, () => now);
    reporter.progress(pending);
    expect(out.stdout).toContain(`  ${pending.verificationUriComplete}\n`);
    expect(out.stdout).toContain('and check that it shows the code BCDF-GHJK.');
    expect(out.stdout).toMatch(/[\u2580\u2584\u2588]{20}/);
    expect(redrawn(out.stdout)).toBe('Waiting for approval, 10:00 left');
    now += 61_000;
    jest.advanceTimersByTime(1000);
    expect(redrawn(out.stdout)).toBe('Waiting for approval, 8:59 left');
    reporter.done(loggedIn);
    expect(redrawn(out.stdout)).toBe('Logged in: corp, valid until 2026-11-22T10:00:00Z\n');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('piped: plain lines only, no QR code and no countdown', () => {
    const { io, out } = fakeIo(false);
    const reporter = loginReporter(io, session, false, () => T0);
    reporter.progress(pending);
    reporter.progress({ type: 'waiting', status: 'slow_down', intervalSeconds: 10, secondsLeft: 500 });
    reporter.done({ ...loggedIn, reusedRegistration: false });
    expect(out.stdout).toBe(
      'To log in corp (https://d-123.awsapps.com/start), open this page on any device:\n\n' +
        `  ${pending.verificationUriComplete}\n\n` +
        'and check that it shows the code BCDF-GHJK.\n' +
        'Waiting for approval until 2026-11-22T09:10:00Z...\n' +
        'Logged in: corp, valid until 2026-11-22T10:00:00Z; new client registration until 2027-02-20T09:00:00Z\n',
    );
  });

  it('--json: one object per line, and a failure on stdout too, even on a terminal', () => {
    const { io, out } = fakeIo(true);
    const reporter = loginReporter(io, session, true, () => T0);
    reporter.progress(pending);
    reporter.progress({ type: 'waiting', status: 'pending', intervalSeconds: 5, secondsLeft: 595 });
    reporter.done({ session: 'corp', id: 'corp', outcome: 'expired', error: 'the code expired' });
    expect(
      out.stdout
        .split('\n')
        .slice(0, -1)
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { event: 'pending', session: 'corp', ...pending, type: undefined },
      { event: 'waiting', session: 'corp', status: 'pending', intervalSeconds: 5, secondsLeft: 595 },
      { event: 'expired', session: 'corp', id: 'corp', error: 'the code expired' },
    ]);
    expect(out.stdout).not.toMatch(/[\u2580\u2584\u2588\r]/);
    expect(out.stderr).toBe('');
  });
});
