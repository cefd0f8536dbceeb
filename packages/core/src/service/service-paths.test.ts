import { servicePaths } from './service-paths';

describe(servicePaths.name, () => {
  it('puts a launchd agent under LaunchAgents on macOS and a systemd user unit under ~/.config on Linux', () => {
    expect(servicePaths('darwin', '/Users/u')).toEqual({
      kind: 'launchd',
      file: '/Users/u/Library/LaunchAgents/dev.sso-supervisor.plist',
    });
    expect(servicePaths('linux', '/home/u')).toEqual({
      kind: 'systemd',
      file: '/home/u/.config/systemd/user/sso-supervisor.service',
    });
  });

  it('has nothing for other platforms', () => {
    expect(servicePaths('win32', 'C:\\Users\\u')).toBeNull();
  });
});
