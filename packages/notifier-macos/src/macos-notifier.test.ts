import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CONTRACT_VALUES,
  contractEvent,
  notifierContract,
  RecordingLogger,
  vendorsLoaded,
} from '@sso-supervisor/notifier-api/testing';
import type { DesktopNotification } from './build-desktop-notification';
import { desktopUnavailable } from './desktop-availability';
import { createMacosNotifier, type DesktopNotifierClient } from './macos-notifier';

const options = { sound: true, appName: 'sso-supervisor' };

/** A stand-in for node-notifier that records each notification and answers like it does. */
function fakeClient(answer: () => Error | string | null = () => null) {
  const shown: DesktopNotification[] = [];
  const client: DesktopNotifierClient = {
    notify(notification, callback) {
      shown.push(notification);
      setImmediate(() => callback(answer()));
      return client;
    },
  };
  return { client, shown };
}

for (const platform of ['darwin', 'linux'] as const) {
  notifierContract(`macos (${platform}, injected node-notifier)`, {
    setup({ logger }) {
      const { client, shown } = fakeClient();
      const notifier = createMacosNotifier(options, { name: 'me', logger, client, platform });
      return { notifier, delivered: () => shown.map((n) => JSON.stringify(n)) };
    },
    setupFailing({ logger }) {
      const { client, shown } = fakeClient(
        () => new Error('Command failed: notify-send "x"\nCould not connect: No such file'),
      );
      const notifier = createMacosNotifier(options, { name: 'me', logger, client, platform });
      return { notifier, delivered: () => shown.map((n) => JSON.stringify(n)) };
    },
  });
}

describe(createMacosNotifier.name, () => {
  const logger = new RecordingLogger();

  it('resolves when node-notifier answers with stderr text instead of an error', async () => {
    const { client, shown } = fakeClient(() => '');
    await createMacosNotifier(options, { name: 'me', logger, client, platform: 'linux' }).send(
      contractEvent('token.expired'),
    );
    expect(shown).toHaveLength(1);
  });

  it('rejects a failed notify-send without repeating its command line, which holds the login code', async () => {
    const command = `Command failed: notify-send "login" "code ${CONTRACT_VALUES.login.userCode}"`;
    const error = Object.assign(
      new Error(`${command}\nGDBus.Error: org.freedesktop.DBus.Error.ServiceUnknown\n`),
      { code: 1 },
    );
    const { client } = fakeClient(() => error);
    const send = createMacosNotifier(options, { name: 'me', logger, client, platform: 'linux' }).send(
      contractEvent('login.pending'),
    );
    await expect(send).rejects.toMatchObject({
      retryable: true,
      message: 'desktop notification failed (exit 1): GDBus.Error: org.freedesktop.DBus.Error.ServiceUnknown',
    });
  });
});

describe('on a machine without a desktop session', () => {
  it('says so once at creation and fails each event at once, without retries', async () => {
    const logger = new RecordingLogger();
    const notifier = createMacosNotifier(options, {
      name: 'me',
      logger,
      platform: 'linux',
      env: { PATH: '' },
    });
    expect(logger.lines).toEqual([
      expect.objectContaining({
        level: 'warn',
        message: 'no desktop notification server; this notifier will not show anything',
        fields: { notifier: 'me', reason: 'notify-send is not installed (package libnotify-bin)' },
      }),
    ]);
    for (let i = 0; i < 2; i += 1)
      await expect(notifier.send(contractEvent('token.expired'))).rejects.toMatchObject({
        retryable: false,
        message: expect.stringMatching(/^no desktop notification server: notify-send is not installed/),
      });
    expect(logger.lines).toHaveLength(1);
  });
});

describe(desktopUnavailable.name, () => {
  const found = () => true;
  it('takes a desktop with a session bus, an X display or Wayland', () => {
    for (const env of [
      { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/user/1000/bus' },
      { DISPLAY: ':0' },
      { WAYLAND_DISPLAY: 'wayland-0' },
    ])
      expect(desktopUnavailable('linux', env, found)).toBeUndefined();
  });

  it("finds systemd's session bus without the variable", () => {
    const dir = mkdtempSync(join(tmpdir(), 'xdg-runtime-'));
    writeFileSync(join(dir, 'bus'), '');
    expect(desktopUnavailable('linux', { XDG_RUNTIME_DIR: dir }, found)).toBeUndefined();
    rmSync(dir, { recursive: true });
    expect(desktopUnavailable('linux', { XDG_RUNTIME_DIR: dir }, found)).toMatch(/^no desktop session/);
  });

  it('names what is missing on a headless Linux', () => {
    expect(desktopUnavailable('linux', {}, found)).toMatch(/^no desktop session/);
    expect(desktopUnavailable('linux', { DISPLAY: ':0' }, () => false)).toMatch(
      /notify-send is not installed/,
    );
  });

  it('never doubts macOS', () => expect(desktopUnavailable('darwin', {}, () => false)).toBeUndefined());
});

// The built package, as the CLI loads it (`pnpm test` builds first; see turbo.json).
const DIST = join(__dirname, '..', 'dist', 'index.js');

describe('the built package', () => {
  it('loads node-notifier only when a desktop notifier is created', () => {
    const options = `pkg.macosOptionsSchema.parse({})`;
    // On macOS, where no desktop-session check keeps node-notifier from loading.
    const create = `pkg.macosNotifier.create(${options}, { name: 'me', logger: console, platform: 'darwin' })`;
    expect(vendorsLoaded(DIST, create, ['node-notifier'])).toEqual({
      onLoad: [],
      onCreate: ['node-notifier'],
    });
  });
});
