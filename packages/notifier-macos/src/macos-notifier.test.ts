import { join } from 'node:path';
import {
  CONTRACT_VALUES,
  contractEvent,
  notifierContract,
  RecordingLogger,
  vendorsLoaded,
} from '@sso-supervisor/core/testing';
import type { DesktopNotification } from './build-desktop-notification';
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

// The built package, as the CLI loads it (`pnpm test` builds first; see turbo.json).
const DIST = join(__dirname, '..', 'dist', 'index.js');

describe('the built package', () => {
  it('loads node-notifier only when a desktop notifier is created', () => {
    const options = `pkg.macosOptionsSchema.parse({})`;
    const create = `pkg.macosNotifier.create(${options}, { name: 'me', logger: console })`;
    expect(vendorsLoaded(DIST, create, ['node-notifier'])).toEqual({
      onLoad: [],
      onCreate: ['node-notifier'],
    });
  });
});
