import { sampleSession } from '../test-support/sample-session';
import { chooseLoginFlow } from './choose-login-flow';

describe(chooseLoginFlow.name, () => {
  const session = sampleSession('/tmp/cache', 'corp');
  const desktop = { DISPLAY: ':0' };
  it.each([
    ['a Linux desktop', session, {}, desktop, 'linux', 'browser'],
    ['Wayland', session, {}, { WAYLAND_DISPLAY: 'wayland-0' }, 'linux', 'browser'],
    ['macOS without DISPLAY', session, {}, {}, 'darwin', 'browser'],
    ['--device-code', session, { deviceCode: true }, desktop, 'linux', 'device-code'],
    ['a legacy profile', { ...session, name: null }, {}, desktop, 'darwin', 'device-code'],
    [
      'SSH_CONNECTION',
      session,
      {},
      { ...desktop, SSH_CONNECTION: '10.0.0.1 5 10.0.0.2 22' },
      'linux',
      'device-code',
    ],
    ['SSH_TTY on macOS', session, {}, { SSH_TTY: '/dev/ttys001' }, 'darwin', 'device-code'],
    ['Linux without a display', session, {}, {}, 'linux', 'device-code'],
  ] as const)('%s -> %s', (_label, s, flags, env, platform, flow) => {
    const choice = chooseLoginFlow(s, { ...flags, env, platform });
    expect(choice.flow).toBe(flow);
    expect(Boolean(choice.reason)).toBe(flow === 'device-code');
  });
});
