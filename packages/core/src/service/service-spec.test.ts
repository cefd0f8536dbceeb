import { serviceCommand, servicePaths } from './service-spec';

describe(serviceCommand.name, () => {
  it('runs `run --config` with the node and CLI given, and pins the state dir over any extra variable', () => {
    const spec = {
      nodePath: '/usr/bin/node',
      cliPath: '/opt/cli.js',
      configFile: '/etc/supervisor.yaml',
      stateDir: '/s',
      environment: { AWS_CONFIG_FILE: '/c', SSO_SUPERVISOR_STATE_DIR: '/elsewhere' },
    };
    expect(serviceCommand(spec)).toEqual({
      argv: ['/usr/bin/node', '/opt/cli.js', 'run', '--config', '/etc/supervisor.yaml'],
      env: { AWS_CONFIG_FILE: '/c', SSO_SUPERVISOR_STATE_DIR: '/s' },
    });
  });
});

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
