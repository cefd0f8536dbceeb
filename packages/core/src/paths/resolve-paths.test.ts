import { resolvePaths, type PathInputs } from './resolve-paths';

const home = '/home/u';
const inputs = (over: Partial<PathInputs> = {}): PathInputs => ({
  env: {},
  home,
  platform: 'linux',
  cwd: '/work',
  ...over,
});

describe(resolvePaths.name, () => {
  it('defaults to ~/.aws and XDG state under ~/.local/state', () => {
    expect(resolvePaths(inputs())).toEqual({
      awsConfigFile: '/home/u/.aws/config',
      cacheDir: '/home/u/.aws/sso/cache',
      stateDir: '/home/u/.local/state/sso-supervisor',
    });
  });

  it('takes the environment over the defaults', () => {
    const env = {
      AWS_CONFIG_FILE: '/etc/aws/config',
      SSO_SUPERVISOR_STATE_DIR: '/var/lib/sup',
      XDG_STATE_HOME: '/x',
    };
    expect(resolvePaths(inputs({ env }))).toEqual({
      awsConfigFile: '/etc/aws/config',
      cacheDir: '/home/u/.aws/sso/cache',
      stateDir: '/var/lib/sup',
    });
  });

  it('puts state under $XDG_STATE_HOME when only that is set', () => {
    expect(resolvePaths(inputs({ env: { XDG_STATE_HOME: '/xdg/state' } })).stateDir).toBe(
      '/xdg/state/sso-supervisor',
    );
  });

  it('takes supervisor.yaml over the environment', () => {
    const env = { AWS_CONFIG_FILE: '/etc/aws/config', SSO_SUPERVISOR_STATE_DIR: '/var/lib/sup' };
    const configured = { awsConfigFile: '/cfg/aws', cacheDir: '/cfg/cache', stateDir: '/cfg/state' };
    expect(resolvePaths(inputs({ env, configured }))).toEqual({
      awsConfigFile: '/cfg/aws',
      cacheDir: '/cfg/cache',
      stateDir: '/cfg/state',
    });
  });

  it('uses Application Support on macOS, ignoring XDG_STATE_HOME but not SSO_SUPERVISOR_STATE_DIR', () => {
    expect(resolvePaths(inputs({ platform: 'darwin', env: { XDG_STATE_HOME: '/xdg' } })).stateDir).toBe(
      '/home/u/Library/Application Support/sso-supervisor',
    );
    expect(
      resolvePaths(inputs({ platform: 'darwin', env: { SSO_SUPERVISOR_STATE_DIR: '/s' } })).stateDir,
    ).toBe('/s');
  });

  it('resolves relative paths against cwd', () => {
    const env = { AWS_CONFIG_FILE: 'aws/config', SSO_SUPERVISOR_STATE_DIR: 'state' };
    expect(resolvePaths(inputs({ env, configured: { cacheDir: '../cache' } }))).toEqual({
      awsConfigFile: '/work/aws/config',
      cacheDir: '/cache',
      stateDir: '/work/state',
    });
  });

  it('treats an empty variable as unset, as the AWS SDK and the XDG spec do', () => {
    const env = { AWS_CONFIG_FILE: '', SSO_SUPERVISOR_STATE_DIR: '', XDG_STATE_HOME: '' };
    expect(resolvePaths(inputs({ env }))).toEqual({
      awsConfigFile: '/home/u/.aws/config',
      cacheDir: '/home/u/.aws/sso/cache',
      stateDir: '/home/u/.local/state/sso-supervisor',
    });
  });
});
