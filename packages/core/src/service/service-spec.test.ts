import { serviceCommand } from './service-spec';

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
